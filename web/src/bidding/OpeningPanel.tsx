// The opening after the closing time: two different procurement officers confirm it. The first sees
// "waiting for the second officer"; the second, another officer, completes it.
import { Alert, Button, Heading2, Paragraph } from "@utrecht/component-library-react";
import { type ReactElement, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatMoment } from "../dates.ts";
import { refusalText } from "../forms.tsx";
import { can } from "../policy.ts";
import { useMe } from "../session.tsx";
import { biddingApi, type Opening } from "./api.ts";

export function OpeningPanel(props: {
  tenderId: string;
  opening: Opening;
  onChanged(message: string): Promise<void>;
}): ReactElement {
  const { t, i18n } = useTranslation();
  const { user } = useMe();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const first = props.opening.firstOfficer;
  const mine = first?.id === user.id;
  const officer = can.open(user.role);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      const opening = await biddingApi.confirmOpening(props.tenderId);
      await props.onChanged(opening.openedAt ? t("opening.opened") : t("opening.firstConfirmed"));
    } catch (e) {
      setError(refusalText(e, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="opening-heading" className="zk-section zk-panel zk-opening">
      <Heading2 id="opening-heading">{t("opening.title")}</Heading2>
      <Paragraph>{t("opening.intro")}</Paragraph>
      {first && props.opening.firstConfirmedAt ? (
        <Alert type="info">
          <Paragraph>
            {mine
              ? t("opening.waiting", { time: formatMoment(props.opening.firstConfirmedAt, i18n.language) })
              : t("opening.firstBy", {
                  name: first.name,
                  time: formatMoment(props.opening.firstConfirmedAt, i18n.language),
                })}
          </Paragraph>
        </Alert>
      ) : (
        <Paragraph>{t("opening.notStarted")}</Paragraph>
      )}
      {error ? (
        <Alert type="error" role="alert">
          <Paragraph>{error}</Paragraph>
        </Alert>
      ) : null}
      {officer && !mine ? (
        <Button appearance="primary-action-button" busy={busy} disabled={busy} onClick={() => void confirm()}>
          {first ? t("opening.confirmSecond") : t("opening.confirmFirst")}
        </Button>
      ) : null}
      {!officer ? <p className="zk-hint">{t("opening.officersOnly")}</p> : null}
    </section>
  );
}
