// The time left until the closing time, by the server's clock: the page takes the server's time
// when it loads and counts on from there, so a wrong clock on the user's computer changes nothing.
import { type ReactElement, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { durationParts, formatMoment } from "../dates.ts";

/** The server's current time in ms, from its time at loading plus the browser's elapsed time. */
export function useServerNow(serverTime: string | null | undefined): number {
  const offset = useMemo(() => (serverTime ? Date.parse(serverTime) - Date.now() : 0), [serverTime]);
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, []);
  return Date.now() + offset;
}

interface Props {
  closesAt: string | null;
  serverTime: string | null | undefined;
  /** Called once when the closing time passes while the page is open. */
  onClosed?(): void;
}

export function ClosingTime({ closesAt, serverTime, onClosed }: Props): ReactElement {
  const { t, i18n } = useTranslation();
  const now = useServerNow(serverTime);
  const left = closesAt ? Date.parse(closesAt) - now : null;
  const closed = left !== null && left <= 0;
  const [told, setTold] = useState(false);

  useEffect(() => {
    if (closed && !told) {
      setTold(true);
      onClosed?.();
    }
  }, [closed, told, onClosed]);

  if (!closesAt) return <p className="zk-closing">{t("bidding.noClosingTime")}</p>;
  const parts = durationParts(left ?? 0);
  return (
    <div className={closed ? "zk-closing zk-closing--closed" : "zk-closing"}>
      <p className="zk-closing__time">
        {t("bidding.closesAt")} <strong>{formatMoment(closesAt, i18n.language)}</strong>
      </p>
      {closed ? (
        <p role="status" className="zk-closing__left">
          {t("bidding.closed")}
        </p>
      ) : (
        <p className="zk-closing__left">
          {t("bidding.timeLeft")}{" "}
          <span role="timer" aria-live="off" className="zk-countdown">
            {parts.days > 0 ? `${t("bidding.days", { count: parts.days })} ` : ""}
            {t("bidding.clock", {
              hours: String(parts.hours).padStart(2, "0"),
              minutes: String(parts.minutes).padStart(2, "0"),
              seconds: String(parts.seconds).padStart(2, "0"),
            })}
          </span>
        </p>
      )}
      <p className="zk-hint">{t("bidding.serverClock")}</p>
    </div>
  );
}
