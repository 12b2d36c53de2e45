// References (with the number of clients served) and subcontractors (by KvK number): lists the
// provider grows and shrinks.
import { Button, Heading2, Paragraph } from "@utrecht/component-library-react";
import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";
import { TextAreaField, TextField, useFocusAfterRender } from "../../forms.tsx";
import { fieldIds } from "../applicable.ts";
import type { FormState } from "../formState.ts";

type References = FormState["references"];
type Subcontractors = FormState["subcontractors"];

export function ReferencesSection(props: {
  references: References;
  errors: Record<string, string>;
  editable: boolean;
  onChange(references: References): void;
}): ReactElement {
  const { t } = useTranslation();
  const focusLater = useFocusAfterRender();
  const { references, errors } = props;
  const change = (index: number, field: keyof References[number], value: string) =>
    props.onChange(references.map((r, i) => (i === index ? { ...r, [field]: value } : r)));
  return (
    <section id={fieldIds.references} aria-labelledby="references-heading" className="zk-section zk-bid-part">
      <Heading2 id="references-heading" tabIndex={-1}>
        {t("bid.references")}
      </Heading2>
      <Paragraph>{t("bid.referencesIntro")}</Paragraph>
      {references.map((reference, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: references have no identity beyond their order.
        <fieldset key={index} className="zk-repeat">
          <legend className="zk-repeat__title">{t("bid.reference", { number: index + 1 })}</legend>
          <div className="zk-form-row">
            <TextField
              id={fieldIds.reference(index, "client")}
              label={t("bid.referenceClient")}
              value={reference.client}
              onChange={(v) => change(index, "client", v)}
              error={errors[fieldIds.reference(index, "client")]}
            />
            <TextField
              id={fieldIds.reference(index, "period")}
              label={t("bid.referencePeriod")}
              description={t("bid.referencePeriodHint")}
              value={reference.period}
              onChange={(v) => change(index, "period", v)}
              error={errors[fieldIds.reference(index, "period")]}
            />
            <TextField
              id={fieldIds.reference(index, "clientsServed")}
              label={t("bid.referenceClientsServed")}
              value={reference.clientsServed}
              onChange={(v) => change(index, "clientsServed", v)}
              error={errors[fieldIds.reference(index, "clientsServed")]}
              inputMode="numeric"
              size="small"
            />
          </div>
          <TextAreaField
            id={fieldIds.reference(index, "description")}
            label={t("bid.referenceDescription")}
            value={reference.description}
            onChange={(v) => change(index, "description", v)}
            error={errors[fieldIds.reference(index, "description")]}
            rows={3}
          />
          {props.editable ? (
            <Button
              appearance="subtle-button"
              hint="danger"
              onClick={() => {
                props.onChange(references.filter((_, i) => i !== index));
                focusLater("add-reference");
              }}
            >
              {t("bid.removeReference", { number: index + 1 })}
            </Button>
          ) : null}
        </fieldset>
      ))}
      {props.editable ? (
        <Button
          id="add-reference"
          appearance="secondary-action-button"
          onClick={() => {
            props.onChange([...references, { client: "", description: "", clientsServed: "", period: "" }]);
            focusLater(fieldIds.reference(references.length, "client"));
          }}
        >
          + {t("bid.addReference")}
        </Button>
      ) : null}
    </section>
  );
}

export function SubcontractorsSection(props: {
  subcontractors: Subcontractors;
  errors: Record<string, string>;
  editable: boolean;
  onChange(subcontractors: Subcontractors): void;
}): ReactElement {
  const { t } = useTranslation();
  const focusLater = useFocusAfterRender();
  const { subcontractors, errors } = props;
  const change = (index: number, field: keyof Subcontractors[number], value: string) =>
    props.onChange(subcontractors.map((s, i) => (i === index ? { ...s, [field]: value } : s)));
  return (
    <section id={fieldIds.subcontractors} aria-labelledby="subcontractors-heading" className="zk-section zk-bid-part">
      <Heading2 id="subcontractors-heading" tabIndex={-1}>
        {t("bid.subcontractors")}
      </Heading2>
      <Paragraph>{t("bid.subcontractorsIntro")}</Paragraph>
      {subcontractors.length === 0 ? <p className="zk-hint">{t("bid.noSubcontractors")}</p> : null}
      {subcontractors.map((sub, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: subcontractors are edited in place by their order.
        <fieldset key={index} className="zk-repeat">
          <legend className="zk-repeat__title">{t("bid.subcontractor", { number: index + 1 })}</legend>
          <div className="zk-form-row">
            <TextField
              id={fieldIds.subcontractor(index, "kvkNumber")}
              label={t("organisation.kvkNumber")}
              value={sub.kvkNumber}
              onChange={(v) => change(index, "kvkNumber", v)}
              error={errors[fieldIds.subcontractor(index, "kvkNumber")]}
              inputMode="numeric"
            />
            <TextField
              id={fieldIds.subcontractor(index, "name")}
              label={t("organisation.name")}
              value={sub.name}
              onChange={(v) => change(index, "name", v)}
              error={errors[fieldIds.subcontractor(index, "name")]}
            />
            <TextField
              id={fieldIds.subcontractor(index, "role")}
              label={t("bid.subcontractorRole")}
              value={sub.role}
              onChange={(v) => change(index, "role", v)}
              error={errors[fieldIds.subcontractor(index, "role")]}
            />
          </div>
          {props.editable ? (
            <Button
              appearance="subtle-button"
              hint="danger"
              onClick={() => {
                props.onChange(subcontractors.filter((_, i) => i !== index));
                focusLater("add-subcontractor");
              }}
            >
              {t("bid.removeSubcontractor", { number: index + 1 })}
            </Button>
          ) : null}
        </fieldset>
      ))}
      {props.editable ? (
        <Button
          id="add-subcontractor"
          appearance="secondary-action-button"
          onClick={() => {
            props.onChange([...subcontractors, { kvkNumber: "", name: "", role: "" }]);
            focusLater(fieldIds.subcontractor(subcontractors.length, "kvkNumber"));
          }}
        >
          + {t("bid.addSubcontractor")}
        </Button>
      ) : null}
    </section>
  );
}
