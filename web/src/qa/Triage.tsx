// Triage of a question: its number (the next free one proposed), a category from the list or typed,
// a sub-heading, the document section and lot, public or private (with the reason), and the
// colleague who drafts the answer.
import { Button, Heading2, RadioButton } from "@utrecht/component-library-react";
import { type FormEvent, type ReactElement, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Lot } from "../api.ts";
import { FormError, SelectField, TextAreaField, TextField, useFormAction } from "../forms.tsx";
import { type Assignee, type QaQuestion, qaApi } from "./api.ts";
import { CATEGORIES, Notice, qaRefusal, qaRefused } from "./common.tsx";

const FIELDS = ["number", "category", "subheading", "documentRef", "lotId", "visibility", "privateReason"] as const;
type Field = (typeof FIELDS)[number];
const OTHER = "__other";

export function TriageForm(props: {
  question: QaQuestion;
  nextNumber: number | null;
  lots: Lot[];
  onSaved(question: QaQuestion): void;
}): ReactElement {
  const { t, i18n } = useTranslation();
  const q = props.question;
  const known = q.category === null || (CATEGORIES as readonly string[]).includes(q.category);
  const [visibility, setVisibility] = useState(q.visibility);
  const [number, setNumber] = useState(String(q.number ?? props.nextNumber ?? ""));
  const [category, setCategory] = useState(known ? (q.category ?? "") : OTHER);
  const [otherCategory, setOtherCategory] = useState(known ? "" : (q.category ?? ""));
  const [subheading, setSubheading] = useState(q.subheading ?? "");
  const [documentRef, setDocumentRef] = useState(q.documentRef ?? "");
  const [lotId, setLotId] = useState(q.lotId ?? "");
  const [privateReason, setPrivateReason] = useState(q.privateReason ?? "");
  const [saved, setSaved] = useState("");
  const { busy, errors, formError, run } = useFormAction(FIELDS, {
    check() {
      const local: Partial<Record<Field, string>> = {};
      if (visibility === "public" && number && !/^\d+$/.test(number)) local.number = t("validation.wholeNumber");
      if (visibility === "private" && !privateReason.trim()) local.privateReason = t("qa.triage.reasonMissing");
      return local;
    },
    onRefused: qaRefused(t, i18n.language),
  });

  const send = run(async () => {
    const chosen = category === OTHER ? otherCategory.trim() : category;
    const question = await qaApi.triage(q.id, {
      visibility,
      ...(visibility === "public" ? { number: number ? Number(number) : null } : {}),
      category: chosen || null,
      subheading: subheading.trim() || null,
      documentRef: documentRef.trim() || null,
      lotId: lotId || null,
      privateReason: visibility === "private" ? privateReason.trim() : null,
    });
    setSaved(t("qa.triage.saved"));
    props.onSaved(question);
  });

  async function save(event: FormEvent) {
    // The last "saved" goes whether or not the check lets the form be sent.
    setSaved("");
    await send(event);
  }

  return (
    <section aria-labelledby="triage-heading" className="zk-section">
      <Heading2 id="triage-heading">{t("qa.triage.title")}</Heading2>
      <form className="zk-form" noValidate onSubmit={(e) => void save(e)}>
        <FormError message={formError} />
        <fieldset className="zk-fieldset zk-radios">
          <legend className="zk-fieldset__legend">{t("qa.triage.visibility")}</legend>
          {(["public", "private"] as const).map((choice) => (
            <div key={choice} className="zk-checkbox">
              <RadioButton
                id={`qa-visibility-${choice}`}
                name="qa-visibility"
                value={choice}
                checked={visibility === choice}
                onChange={() => setVisibility(choice)}
              />
              <label htmlFor={`qa-visibility-${choice}`}>{t(`qa.triage.${choice}`)}</label>
            </div>
          ))}
        </fieldset>
        {visibility === "private" ? (
          <TextAreaField
            id="qa-private-reason"
            label={t("qa.triage.privateReason")}
            description={t("qa.triage.privateHint")}
            value={privateReason}
            onChange={setPrivateReason}
            error={errors.privateReason}
            rows={2}
          />
        ) : (
          <TextField
            id="qa-number"
            type="number"
            size="small"
            min={1}
            label={t("qa.triage.number")}
            description={
              props.nextNumber !== null ? t("qa.triage.numberHint", { number: props.nextNumber }) : undefined
            }
            value={number}
            onChange={setNumber}
            error={errors.number}
          />
        )}
        <SelectField
          id="qa-category"
          label={t("qa.triage.category")}
          value={category}
          onChange={setCategory}
          placeholder={t("qa.triage.noCategory")}
          options={[
            ...CATEGORIES.map((c) => ({ value: c, label: c })),
            { value: OTHER, label: t("qa.triage.otherCategory") },
          ]}
          error={category === OTHER ? undefined : errors.category}
        />
        {category === OTHER ? (
          <TextField
            id="qa-category-other"
            label={t("qa.triage.categoryText")}
            value={otherCategory}
            onChange={setOtherCategory}
            error={errors.category}
          />
        ) : null}
        <TextField
          id="qa-subheading"
          label={t("qa.triage.subheading")}
          value={subheading}
          onChange={setSubheading}
          error={errors.subheading}
        />
        <TextField
          id="qa-triage-document-ref"
          label={t("qa.ask.documentRef")}
          value={documentRef}
          onChange={setDocumentRef}
          error={errors.documentRef}
        />
        {props.lots.length > 0 ? (
          <SelectField
            id="qa-triage-lot"
            label={t("qa.ask.lot")}
            value={lotId}
            onChange={setLotId}
            placeholder={t("qa.ask.noLot")}
            options={props.lots.map((lot) => ({ value: lot.id, label: lot.name }))}
            error={errors.lotId}
          />
        ) : null}
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {t("qa.triage.save")}
        </Button>
        <Notice message={saved} />
      </form>
    </section>
  );
}

export function AssignForm(props: {
  question: QaQuestion;
  assignees: Assignee[];
  onSaved(question: QaQuestion): void;
}): ReactElement {
  const { t, i18n } = useTranslation();
  const [assigneeId, setAssigneeId] = useState(props.question.assigneeId ?? "");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState("");

  async function assign(event: FormEvent) {
    event.preventDefault();
    if (!assigneeId) {
      setError(t("qa.assign.missing"));
      return;
    }
    setBusy(true);
    setError(null);
    setSaved("");
    try {
      const question = await qaApi.assign(props.question.id, assigneeId);
      const name = props.assignees.find((a) => a.id === assigneeId)?.name ?? "";
      setSaved(t("qa.assign.saved", { name }));
      props.onSaved(question);
    } catch (e) {
      setError(qaRefusal(e, t, i18n.language));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="assign-heading" className="zk-section">
      <Heading2 id="assign-heading">{t("qa.assign.title")}</Heading2>
      <form className="zk-form" noValidate onSubmit={(e) => void assign(e)}>
        <FormError message={error} />
        <SelectField
          id="qa-assignee"
          label={t("qa.assign.assignee")}
          value={assigneeId}
          onChange={setAssigneeId}
          placeholder={t("qa.assign.choose")}
          options={props.assignees.map((a) => ({ value: a.id, label: `${a.name} (${t(`roles.${a.role}`)})` }))}
        />
        <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>
          {t("qa.assign.submit")}
        </Button>
        <Notice message={saved} />
      </form>
    </section>
  );
}
