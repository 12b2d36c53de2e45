// The answer to every minimum requirement that applies: met or not, the evidence and its files.
import { FormFieldErrorMessage, Heading2, Heading3, Paragraph, RadioButton } from "@utrecht/component-library-react";
import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";
import type { StoredFile } from "../../files/upload.ts";
import { TextAreaField } from "../../forms.tsx";
import type { Requirement } from "../../requirements/api.ts";
import { Attachments } from "../Attachments.tsx";
import { fieldIds } from "../applicable.ts";
import { type AnswerState, emptyAnswer } from "../formState.ts";

interface Props {
  bidId: string;
  requirements: Requirement[];
  answers: Record<string, AnswerState>;
  files: ReadonlyMap<string, StoredFile>;
  errors: Record<string, string>;
  editable: boolean;
  canUpload: boolean;
  hasSubsegments: boolean;
  onChange(requirementId: string, answer: AnswerState): void;
  onUploaded(requirementId: string, file: StoredFile): void;
}

export function RequirementsSection(props: Props): ReactElement {
  const { t } = useTranslation();
  return (
    <section id={fieldIds.requirements} aria-labelledby="requirements-heading" className="zk-section zk-bid-part">
      <Heading2 id="requirements-heading" tabIndex={-1}>
        {t("bid.requirements")} <span className="zk-count">({props.requirements.length})</span>
      </Heading2>
      <Paragraph>{t("bid.requirementsIntro")}</Paragraph>
      {props.hasSubsegments ? <p className="zk-hint">{t("bid.subsegmentRequirementsHint")}</p> : null}
      {props.requirements.length === 0 ? <Paragraph>{t("bid.noRequirements")}</Paragraph> : null}
      {props.requirements.map((requirement) => (
        <RequirementAnswer
          key={requirement.id}
          {...props}
          requirement={requirement}
          answer={props.answers[requirement.id] ?? emptyAnswer()}
        />
      ))}
    </section>
  );
}

function RequirementAnswer(props: Props & { requirement: Requirement; answer: AnswerState }): ReactElement {
  const { t } = useTranslation();
  const { requirement, answer, errors } = props;
  const groupId = fieldIds.requirement(requirement.id);
  const textId = `${groupId}-text`;
  const error = errors[groupId];
  const change = (next: Partial<AnswerState>) => props.onChange(requirement.id, { ...answer, ...next });
  return (
    <div className="zk-answer">
      <Heading3 className="zk-answer__title">
        {t("bid.requirement", { code: requirement.code })}
        <span className="zk-tag zk-tag--light">{t(`requirementLevel.${requirement.level}`)}</span>
      </Heading3>
      <p id={textId} className="zk-prewrap">
        {requirement.text}
      </p>
      <ul className="zk-answer__facts">
        {requirement.kind === "reference" && requirement.minClients !== null ? (
          <li>{t("requirements.minClients", { count: requirement.minClients })}</li>
        ) : null}
        {requirement.appliesToMembers ? <li>{t("requirements.appliesToMembers")}</li> : null}
        {requirement.appliesToSubcontractors ? <li>{t("requirements.appliesToSubcontractors")}</li> : null}
      </ul>
      {requirement.kind === "reference" ? (
        <p className="zk-hint">{t("bid.referenceRequirementHint", { count: requirement.minClients ?? 1 })}</p>
      ) : (
        <YesNo {...props} groupId={groupId} textId={textId} error={error} change={change} />
      )}
    </div>
  );
}

function YesNo(
  props: Props & {
    requirement: Requirement;
    answer: AnswerState;
    groupId: string;
    textId: string;
    error: string | undefined;
    change(next: Partial<AnswerState>): void;
  },
): ReactElement {
  const { t } = useTranslation();
  const { requirement, answer, editable, groupId, textId, error, change } = props;
  const errorId = `${groupId}-error`;
  return (
    <>
      <fieldset
        id={groupId}
        className={error ? "zk-fieldset zk-fieldset--invalid zk-radios" : "zk-fieldset zk-radios"}
        aria-describedby={[textId, error ? errorId : null].filter(Boolean).join(" ")}
      >
        <legend className="zk-fieldset__legend">{t("bid.met", { code: requirement.code })}</legend>
        {error ? <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage> : null}
        {(["yes", "no"] as const).map((choice) => {
          const id = `${groupId}-${choice}`;
          return (
            <div key={choice} className="zk-checkbox">
              <RadioButton
                id={id}
                name={groupId}
                value={choice}
                checked={answer.met === (choice === "yes")}
                disabled={!editable}
                onChange={() => change({ met: choice === "yes" })}
              />
              <label htmlFor={id}>{t(`bid.${choice}`)}</label>
            </div>
          );
        })}
      </fieldset>
      <TextAreaField
        id={fieldIds.evidence(requirement.id)}
        label={t("bid.evidence", { code: requirement.code })}
        description={t("bid.evidenceHint")}
        value={answer.evidence}
        onChange={(evidence) => change({ evidence })}
        error={props.errors[fieldIds.evidence(requirement.id)]}
        rows={3}
      />
      <Attachments
        id={`${groupId}-files`}
        label={t("bid.evidenceFiles", { code: requirement.code })}
        bidId={props.bidId}
        fileIds={answer.fileIds}
        files={props.files}
        editable={editable}
        canUpload={props.canUpload}
        onUploaded={(file) => props.onUploaded(requirement.id, file)}
        onRemove={(fileId) => change({ fileIds: answer.fileIds.filter((f) => f !== fileId) })}
      />
    </>
  );
}
