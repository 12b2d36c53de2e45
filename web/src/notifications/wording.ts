// A notification in the reader's language. The server stores each one in Dutch, with the facts it was
// made from (params); a kind the UI knows is worded again from those facts, with dates and moments in
// the reader's format. A kind it does not know, or one stored before it had facts, shows as stored.
import type { TFunction } from "i18next";
import { formatDate, formatMoment } from "../dates.ts";
import type { Notification } from "./api.ts";

/** The kinds worded here; each has notifications.kinds.<kind>.title and .body in every language. */
export const WORDED_KINDS = [
  "closing_extended",
  "qa_round_published",
  "qa_private_answer",
  "qa_assigned",
  "dialogue_report_published",
  "dialogue_session_cancelled",
  "dialogue_session_changed",
] as const;

// Which facts are instants (with a time) and which are calendar dates.
const MOMENTS = new Set(["from", "to"]);
const DATES = new Set(["date"]);

export function wording(n: Notification, t: TFunction, language: string): { title: string; body: string } {
  if (!(WORDED_KINDS as readonly string[]).includes(n.kind) || Object.keys(n.params).length === 0) {
    return { title: n.title, body: n.body };
  }
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(n.params)) {
    values[key] =
      typeof value === "string" && MOMENTS.has(key)
        ? formatMoment(value, language)
        : typeof value === "string" && DATES.has(key)
          ? (formatDate(value, language) ?? value)
          : value;
  }
  // ", Stadhuis Zutphen" after the time, or nothing when the session has no place or link.
  values.placePart = n.params.place ? `, ${n.params.place}` : "";
  const options = values;
  return {
    title: t(`notifications.kinds.${n.kind}.title`, options),
    body: t(`notifications.kinds.${n.kind}.body`, options),
  };
}

/**
 * Where a notification leads: the page on which this user acts on what it announces, and the key of
 * the link's text.
 */
export function notificationTarget(
  n: Notification,
  tenderHome: (tenderId: string) => string,
): { to: string; label: string } | null {
  if (!n.tenderId) return null;
  const tender = `/tenders/${n.tenderId}`;
  if (n.kind === "qa_assigned") return { to: `${tender}/qa/work`, label: "notifications.toQaWork" };
  if (n.kind.startsWith("qa_")) return { to: `${tender}/qa`, label: "notifications.toQa" };
  if (n.kind.startsWith("dialogue_")) {
    return typeof n.params.sessionId === "string"
      ? { to: `/sessions/${n.params.sessionId}`, label: "notifications.toSession" }
      : { to: `${tender}/sessions`, label: "notifications.toSessions" };
  }
  return { to: tenderHome(n.tenderId), label: "notifications.toTender" };
}
