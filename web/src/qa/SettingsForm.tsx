// The question deadline of a tender and the two warning settings of its timeline.
import { Button, Heading2 } from "@utrecht/component-library-react";
import { type FormEvent, type ReactElement, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api.ts";
import { amsterdamToIso, formatMoment, isoToAmsterdam } from "../dates.ts";
import { FormError, TextField, useFormAction } from "../forms.tsx";
import { type QaOverview, qaApi } from "./api.ts";
import { Notice } from "./common.tsx";

const FIELDS = ["questionsCloseAt", "lastRoundMinDays", "openWarningDays"] as const;
type Field = (typeof FIELDS)[number];

export function SettingsForm(props: { tenderId: string; overview: QaOverview; onSaved(): void }): ReactElement {
  const { t, i18n } = useTranslation();
  const { overview } = props;
  const [closeAt, setCloseAt] = useState(overview.questionsCloseAt ? isoToAmsterdam(overview.questionsCloseAt) : "");
  const [lastRound, setLastRound] = useState(String(overview.lastRoundMinDays));
  const [openWarning, setOpenWarning] = useState(String(overview.openWarningDays));
  const [saved, setSaved] = useState("");
  const iso = closeAt ? amsterdamToIso(closeAt) : null;
  const { busy, errors, formError, run } = useFormAction(FIELDS, {
    check() {
      const local: Partial<Record<Field, string>> = {};
      if (closeAt && !iso) local.questionsCloseAt = t("qa.settings.badMoment");
      if (!/^\d+$/.test(lastRound)) local.lastRoundMinDays = t("validation.wholeNumberZero");
      if (!/^\d+$/.test(openWarning)) local.openWarningDays = t("validation.wholeNumberZero");
      return local;
    },
    onRefused(refusal, error) {
      // The server names the closing time the deadline must precede; say it in the user's language.
      const closesAt =
        error instanceof ApiError && error.rule === "questions_after_closing"
          ? (error.problem as { closesAt?: string }).closesAt
          : undefined;
      if (closesAt) {
        refusal.errors.questionsCloseAt = t("qa.settings.beforeClosing", {
          moment: formatMoment(closesAt, i18n.language),
        });
      }
    },
  });

  const send = run(async () => {
    await qaApi.saveSettings(props.tenderId, {
      questionsCloseAt: iso,
      lastRoundMinDays: Number(lastRound),
      openWarningDays: Number(openWarning),
    });
    setSaved(t("qa.settings.saved"));
    props.onSaved();
  });

  async function save(event: FormEvent) {
    // The last "saved" goes whether or not the check lets the form be sent.
    setSaved("");
    await send(event);
  }

  return (
    <section aria-labelledby="settings-heading" className="zk-section">
      <Heading2 id="settings-heading">{t("qa.settings.title")}</Heading2>
      <form className="zk-form" noValidate onSubmit={(e) => void save(e)}>
        <FormError message={formError} />
        <TextField
          id="qa-close-at"
          type="datetime-local"
          label={t("qa.settings.closeAt")}
          description={t("qa.settings.closeAtHint")}
          value={closeAt}
          onChange={setCloseAt}
          error={errors.questionsCloseAt}
        />
        <TextField
          id="qa-last-round"
          type="number"
          size="small"
          min={0}
          label={t("qa.settings.lastRoundMinDays")}
          description={t("qa.settings.lastRoundHint")}
          value={lastRound}
          onChange={setLastRound}
          error={errors.lastRoundMinDays}
        />
        <TextField
          id="qa-open-warning"
          type="number"
          size="small"
          min={0}
          label={t("qa.settings.openWarningDays")}
          value={openWarning}
          onChange={setOpenWarning}
          error={errors.openWarningDays}
        />
        <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>
          {t("qa.settings.save")}
        </Button>
        <Notice message={saved} />
      </form>
    </section>
  );
}
