// Adding a member to a combination (by KvK number: an organisation already known in the region is
// used, otherwise one is created without users) or changing a member's qualifications and
// responsibilities.
import { Button, ButtonGroup, Heading3 } from "@utrecht/component-library-react";
import { type ReactElement, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError, TextAreaField, TextField, useFormAction } from "../forms.tsx";
import { type Member, organisationsApi } from "./api.ts";
import { kvkError } from "./checks.ts";

interface Props {
  combinationId: string;
  /** The member to change, or null to add one. */
  member: Member | null;
  onSaved(name: string): Promise<void> | void;
  onCancel?(): void;
}

const FIELDS = ["kvkNumber", "name", "qualifications", "responsibilities"] as const;
type Errors = Partial<Record<(typeof FIELDS)[number], string>>;

export function MemberForm({ combinationId, member, onSaved, onCancel }: Props): ReactElement {
  const { t } = useTranslation();
  const [kvkNumber, setKvkNumber] = useState(member?.kvkNumber ?? "");
  const [name, setName] = useState(member?.name ?? "");
  const [qualifications, setQualifications] = useState(member?.qualifications ?? "");
  const [responsibilities, setResponsibilities] = useState(member?.responsibilities ?? "");
  const form = useRef<HTMLFormElement>(null);
  const prefix = member ? `member-${member.organisationId}` : "new-member";
  const id = (field: string) => `${prefix}-${field}`;
  const headingId = id("heading");

  useEffect(() => {
    if (member) form.current?.querySelector<HTMLTextAreaElement>("textarea")?.focus();
  }, [member]);

  const { busy, errors, formError, run } = useFormAction(FIELDS, {
    check() {
      const found: Errors = {};
      if (!member) {
        const kvk = kvkError(kvkNumber.trim(), t);
        if (kvk) found.kvkNumber = kvk;
        if (!name.trim()) found.name = t("validation.required");
      }
      return found;
    },
    idOf: id,
    duplicate: { field: "kvkNumber", message: t("combination.alreadyMember") },
  });

  const submit = run(async () => {
    if (member) {
      await organisationsApi.changeMember(combinationId, member.organisationId, { qualifications, responsibilities });
      await onSaved(member.name);
    } else {
      await organisationsApi.addMember(combinationId, {
        kvkNumber: kvkNumber.trim(),
        name: name.trim(),
        qualifications,
        responsibilities,
      });
      const added = name.trim();
      setKvkNumber("");
      setName("");
      setQualifications("");
      setResponsibilities("");
      await onSaved(added);
    }
  });

  return (
    <form ref={form} noValidate onSubmit={submit} className="zk-form zk-panel zk-section" aria-labelledby={headingId}>
      <Heading3 id={headingId}>
        {member ? t("combination.editMember", { name: member.name }) : t("combination.addMember")}
      </Heading3>
      <FormError message={formError} />
      {member ? null : (
        <div className="zk-form-row">
          <TextField
            id={id("kvkNumber")}
            label={t("organisation.kvkNumber")}
            description={t("combination.memberKvkHint")}
            value={kvkNumber}
            onChange={setKvkNumber}
            error={errors.kvkNumber}
            inputMode="numeric"
            required
          />
          <TextField
            id={id("name")}
            label={t("organisation.name")}
            value={name}
            onChange={setName}
            error={errors.name}
            required
          />
        </div>
      )}
      <TextAreaField
        id={id("qualifications")}
        label={t("combination.qualifications")}
        description={t("combination.qualificationsHint")}
        value={qualifications}
        onChange={setQualifications}
        error={errors.qualifications}
        rows={3}
      />
      <TextAreaField
        id={id("responsibilities")}
        label={t("combination.responsibilities")}
        description={t("combination.responsibilitiesHint")}
        value={responsibilities}
        onChange={setResponsibilities}
        error={errors.responsibilities}
        rows={3}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {member ? t("structure.save") : t("combination.addMember")}
        </Button>
        {onCancel ? (
          <Button appearance="secondary-action-button" onClick={onCancel}>
            {t("structure.cancel")}
          </Button>
        ) : null}
      </ButtonGroup>
    </form>
  );
}
