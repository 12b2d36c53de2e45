// The combination's own details, changed by its lead member: name, legal form, KvK number (a
// coöperatie i.o. gets one once it is registered) and which member leads it (penvoerder).
import { Button, ButtonGroup, Heading3 } from "@utrecht/component-library-react";
import { type ReactElement, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError, SelectField, TextField, useFormAction } from "../forms.tsx";
import { COMBINATION_FORMS, type Combination, type CombinationForm, organisationsApi } from "./api.ts";
import { combinationErrors } from "./checks.ts";

const FIELDS = ["name", "legalForm", "kvkNumber", "leadMemberId"] as const;
const id = (field: string) => `combination-${field}`;

export function CombinationDetailsForm(props: {
  combination: Combination;
  onSaved(): Promise<void>;
  onCancel(): void;
}): ReactElement {
  const { combination } = props;
  const { t } = useTranslation();
  const [name, setName] = useState(combination.name);
  const [legalForm, setLegalForm] = useState<CombinationForm>(combination.legalForm);
  const [kvkNumber, setKvkNumber] = useState(combination.kvkNumber ?? "");
  const [leadMemberId, setLeadMemberId] = useState(combination.leadMemberId);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    form.current?.querySelector<HTMLInputElement>("input")?.focus();
  }, []);

  const { busy, errors, formError, run } = useFormAction(FIELDS, {
    check: () => combinationErrors({ name, legalForm, kvkNumber }, t),
    idOf: id,
    duplicate: { field: "kvkNumber", message: t("register.duplicate") },
  });

  const submit = run(async () => {
    await organisationsApi.changeCombination(combination.id, {
      name: name.trim(),
      legalForm,
      kvkNumber: kvkNumber.trim() || null,
      ...(leadMemberId !== combination.leadMemberId ? { leadMemberId } : {}),
    });
    await props.onSaved();
  });

  return (
    <form
      ref={form}
      noValidate
      onSubmit={submit}
      className="zk-form zk-panel zk-section"
      aria-labelledby={id("heading")}
    >
      <Heading3 id={id("heading")}>{t("combination.editDetails")}</Heading3>
      <FormError message={formError} />
      <div className="zk-form-row">
        <TextField
          id={id("name")}
          label={t("organisation.name")}
          value={name}
          onChange={setName}
          error={errors.name}
          required
        />
        <SelectField
          id={id("legalForm")}
          label={t("organisation.legalForm")}
          value={legalForm}
          onChange={(value) => setLegalForm(value as CombinationForm)}
          options={COMBINATION_FORMS.map((f) => ({ value: f, label: t(`legalForm.${f}`) }))}
          error={errors.legalForm}
        />
      </div>
      <div className="zk-form-row">
        <TextField
          id={id("kvkNumber")}
          label={t("organisation.kvkNumberOptional")}
          description={t("organisation.combinationKvkHint")}
          value={kvkNumber}
          onChange={setKvkNumber}
          error={errors.kvkNumber}
          inputMode="numeric"
        />
        <SelectField
          id={id("leadMemberId")}
          label={t("combination.lead")}
          value={leadMemberId}
          onChange={setLeadMemberId}
          options={combination.members.map((m) => ({ value: m.organisationId, label: m.name }))}
          error={errors.leadMemberId}
        />
      </div>
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {busy ? t("structure.saving") : t("structure.save")}
        </Button>
        <Button appearance="secondary-action-button" onClick={props.onCancel}>
          {t("structure.cancel")}
        </Button>
      </ButtonGroup>
    </form>
  );
}
