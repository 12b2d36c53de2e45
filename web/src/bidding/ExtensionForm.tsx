// Extending the closing time (after an outage, say): the new time in Amsterdam time and the reason,
// which is recorded; every registered provider is told at the same moment.
import { Button, Heading3, Paragraph } from "@utrecht/component-library-react";
import { type ReactElement, useState } from "react";
import { useTranslation } from "react-i18next";
import { amsterdamToIso, formatMoment, isoToAmsterdam } from "../dates.ts";
import { FormError, TextAreaField, TextField, useFormAction } from "../forms.tsx";
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
  const instant = amsterdamToIso(closesAt);
  const { busy, errors, formError, run } = useFormAction(FIELDS, {
    check() {
      const found: Errors = {};
      if (!instant) found.closesAt = t("validation.dateTime");
      else if (Date.parse(instant) <= Date.parse(props.closesAt)) found.closesAt = t("registrations.laterOnly");
      if (!reason.trim()) found.reason = t("validation.required");
      return found;
    },
    onInvalid(found) {
      const first = FIELDS.find((f) => found[f]);
      if (first) document.getElementById(`extend-${first}`)?.focus();
    },
  });

  const submit = run(async () => {
    // The check has refused a missing or unreadable time.
    const at = instant as string;
    await biddingApi.extend(props.tenderId, at, reason.trim());
    setReason("");
    await props.onExtended(t("registrations.extended", { time: formatMoment(at, i18n.language) }));
  });

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
