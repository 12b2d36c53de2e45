// Extending the closing time (after an outage, say): the new time in Amsterdam time and the reason,
// which is recorded; every registered provider is told at the same moment.
import { Button, Heading3, Paragraph } from "@utrecht/component-library-react";
import { type FormEvent, type ReactElement, useState } from "react";
import { useTranslation } from "react-i18next";
import { amsterdamToIso, formatMoment, isoToAmsterdam } from "../dates.ts";
import { FormError, serverRefusal, TextAreaField, TextField } from "../forms.tsx";
import { biddingApi } from "./api.ts";

const FIELDS = ["closesAt", "reason"] as const;
type Errors = Partial<Record<(typeof FIELDS)[number], string>>;

export function ExtensionForm(props: {
  tenderId: string;
  closesAt: string;
  onExtended(message: string): Promise<void>;
}): ReactElement {
  const { t, i18n } = useTranslation();
  const [closesAt, setClosesAt] = useState(() => isoToAmsterdam(props.closesAt));
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const instant = amsterdamToIso(closesAt);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    const found: Errors = {};
    if (!instant) found.closesAt = t("validation.dateTime");
    else if (Date.parse(instant) <= Date.parse(props.closesAt)) found.closesAt = t("registrations.laterOnly");
    if (!reason.trim()) found.reason = t("validation.required");
    setErrors(found);
    const first = FIELDS.find((f) => found[f]);
    if (first || !instant) {
      if (first) document.getElementById(`extend-${first}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      await biddingApi.extend(props.tenderId, instant, reason.trim());
      setReason("");
      await props.onExtended(t("registrations.extended", { time: formatMoment(instant, i18n.language) }));
    } catch (error) {
      const refusal = serverRefusal(error, FIELDS, t);
      setErrors(refusal.errors);
      setFormError(refusal.formError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form noValidate onSubmit={submit} className="zk-form zk-panel zk-section" aria-labelledby="extend-heading">
      <Heading3 id="extend-heading">{t("registrations.extend")}</Heading3>
      <Paragraph>{t("registrations.extendIntro")}</Paragraph>
      <FormError message={formError} />
      <TextField
        id="extend-closesAt"
        label={t("registrations.newClosing")}
        description={t("registrations.newClosingHint")}
        type="datetime-local"
        value={closesAt}
        onChange={setClosesAt}
        error={errors.closesAt}
        required
      />
      {instant ? (
        <p className="zk-hint" aria-live="polite">
          {t("registrations.newClosingPreview", { time: formatMoment(instant, i18n.language) })}
        </p>
      ) : null}
      <TextAreaField
        id="extend-reason"
        label={t("registrations.reason")}
        description={t("registrations.reasonHint")}
        value={reason}
        onChange={setReason}
        error={errors.reason}
        required
        rows={3}
      />
      <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
        {t("registrations.extendSubmit")}
      </Button>
    </form>
  );
}
