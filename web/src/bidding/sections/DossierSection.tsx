// The competence dossier (bekwaamheidsdossier): per selection criterion A–F, with its weight, the
// text and the files.
import { Heading2, Heading3, Paragraph } from "@utrecht/component-library-react";
import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";
import type { StoredFile } from "../../files/upload.ts";
import { TextAreaField } from "../../forms.tsx";
import type { Criterion } from "../../requirements/api.ts";
import { Attachments } from "../Attachments.tsx";
import { fieldIds } from "../applicable.ts";

interface Props {
  bidId: string;
  criteria: Criterion[];
  dossier: Record<string, { text: string; fileIds: string[] }>;
  files: ReadonlyMap<string, StoredFile>;
  errors: Record<string, string>;
  editable: boolean;
  canUpload: boolean;
  onChange(criterionId: string, entry: { text: string; fileIds: string[] }): void;
  onUploaded(criterionId: string, file: StoredFile): void;
}

export function DossierSection(props: Props): ReactElement {
  const { t } = useTranslation();
  return (
    <section id={fieldIds.dossier} aria-labelledby="dossier-heading" className="zk-section zk-bid-part">
      <Heading2 id="dossier-heading" tabIndex={-1}>
        {t("bid.dossier")}
      </Heading2>
      <Paragraph>{t("bid.dossierIntro")}</Paragraph>
      {props.criteria.length === 0 ? <Paragraph>{t("bid.noCriteria")}</Paragraph> : null}
      {props.criteria.map((criterion) => {
        const entry = props.dossier[criterion.id] ?? { text: "", fileIds: [] };
        const id = fieldIds.criterion(criterion.id);
        return (
          <div key={criterion.id} className="zk-answer">
            <Heading3 className="zk-answer__title">
              {t("bid.criterion", { letter: criterion.letter, title: criterion.title })}
              <span className="zk-tag zk-tag--light">{t("requirements.weight", { weight: criterion.weight })}</span>
            </Heading3>
            {criterion.text ? <p className="zk-prewrap">{criterion.text}</p> : null}
            <TextAreaField
              id={id}
              label={t("bid.dossierText", { letter: criterion.letter })}
              value={entry.text}
              onChange={(text) => props.onChange(criterion.id, { ...entry, text })}
              error={props.errors[id]}
              rows={6}
            />
            <Attachments
              id={`${id}-files`}
              label={t("bid.dossierFiles", { letter: criterion.letter })}
              bidId={props.bidId}
              fileIds={entry.fileIds}
              files={props.files}
              editable={props.editable}
              canUpload={props.canUpload}
              onUploaded={(file) => props.onUploaded(criterion.id, file)}
              onRemove={(fileId) =>
                props.onChange(criterion.id, { ...entry, fileIds: entry.fileIds.filter((f) => f !== fileId) })
              }
            />
          </div>
        );
      })}
    </section>
  );
}
