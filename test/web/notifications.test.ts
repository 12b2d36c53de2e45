// Notifications in the reader's language: the stored Dutch text, worded again from its facts for the
// kinds the page knows, and where each kind leads.
import { createInstance } from "i18next";
import { describe, expect, it } from "vitest";
import { en } from "../../web/src/i18n/en.ts";
import { nl } from "../../web/src/i18n/nl.ts";
import type { Notification } from "../../web/src/notifications/api.ts";
import { notificationTarget, WORDED_KINDS, wording } from "../../web/src/notifications/wording.ts";

async function translator(lng: "nl" | "en") {
  const i18n = createInstance();
  await i18n.init({
    resources: { nl: { translation: nl }, en: { translation: en } },
    lng,
    fallbackLng: "nl",
    interpolation: { escapeValue: false },
  });
  return i18n.t;
}

const notification = (over: Partial<Notification>): Notification => ({
  id: "n1",
  kind: "qa_round_published",
  title: "Nota van Inlichtingen 2 gepubliceerd – Inkoop 2027",
  body: "12 vragen en antwoorden zijn gepubliceerd.",
  params: { round: "Nota van Inlichtingen 2", tender: "Inkoop 2027", count: 12 },
  tenderId: "t1",
  createdAt: "2026-11-23T10:00:00.000Z",
  readAt: null,
  ...over,
});

describe("wording", () => {
  it("says a known kind again in English from its facts, dates in the reader's format", async () => {
    const t = await translator("en");
    expect(wording(notification({}), t, "en")).toEqual({
      title: "Nota van Inlichtingen 2 published – Inkoop 2027",
      body: "12 questions and answers have been published.",
    });
    const changed = notification({
      kind: "dialogue_session_changed",
      params: { session: "Gesprekstafel Jeugd", date: "2026-03-11", startsAt: "14:00", endsAt: "16:30", place: "" },
    });
    expect(wording(changed, t, "en").body).toBe(
      "The session ‘Gesprekstafel Jeugd’ now takes place on 11 March 2026 from 14:00 to 16:30. You remain registered.",
    );
    const extended = notification({
      kind: "closing_extended",
      params: {
        tender: "Inkoop 2027",
        from: "2027-01-04T11:00:00.000Z",
        to: "2027-01-04T14:00:00.000Z",
        reason: "Storing",
      },
    });
    expect(wording(extended, t, "en").body).toMatch(/from .*4 January 2027.*12:00.* to .*15:00.*\. Reason: Storing$/);
  });

  it("words the Dutch the same way the server stored it, the place after the time", async () => {
    const t = await translator("nl");
    const stored = notification({
      kind: "dialogue_session_changed",
      title: "Bijeenkomst gewijzigd: Gesprekstafel Jeugd",
      params: {
        sessionId: "s1",
        session: "Gesprekstafel Jeugd",
        date: "2026-03-11",
        startsAt: "14:00",
        endsAt: "16:30",
        place: "Gemeentehuis Winterswijk",
      },
    });
    expect(wording(stored, t, "nl")).toEqual({
      title: "Bijeenkomst gewijzigd: Gesprekstafel Jeugd",
      body: "De bijeenkomst 'Gesprekstafel Jeugd' is nu op 11 maart 2026 van 14:00 tot 16:30, Gemeentehuis Winterswijk. U blijft aangemeld.",
    });
  });

  it("shows a kind it does not know, or one without facts, as stored", async () => {
    const t = await translator("en");
    const unknown = notification({
      kind: "award_decision",
      title: "Gunningsbesluit",
      body: "Zie de brief.",
      params: {},
    });
    expect(wording(unknown, t, "en")).toEqual({ title: "Gunningsbesluit", body: "Zie de brief." });
    const old = notification({ params: {} });
    expect(wording(old, t, "en")).toEqual({ title: old.title, body: old.body });
  });

  it("has a title and body for every worded kind in both languages", () => {
    for (const language of [nl, en]) {
      const kinds = (language.notifications as { kinds: Record<string, { title: string; body: string }> }).kinds;
      for (const kind of WORDED_KINDS)
        expect(kinds[kind], kind).toEqual({ title: expect.any(String), body: expect.any(String) });
    }
  });
});

describe("notificationTarget", () => {
  const home = (id: string) => `/tenders/${id}/my-bids`;
  it("leads Q&A notices to the Q&A, an assignment to the handling, sessions to the sessions", () => {
    expect(notificationTarget(notification({}), home)).toEqual({ to: "/tenders/t1/qa", label: "notifications.toQa" });
    expect(notificationTarget(notification({ kind: "qa_assigned" }), home)?.to).toBe("/tenders/t1/qa/work");
    expect(notificationTarget(notification({ kind: "dialogue_report_published", params: {} }), home)?.to).toBe(
      "/tenders/t1/sessions",
    );
    const session = notification({ kind: "dialogue_session_cancelled", params: { sessionId: "s1", session: "X" } });
    expect(notificationTarget(session, home)).toEqual({ to: "/sessions/s1", label: "notifications.toSession" });
    expect(notificationTarget(notification({ kind: "closing_extended" }), home)).toEqual({
      to: "/tenders/t1/my-bids",
      label: "notifications.toTender",
    });
    expect(notificationTarget(notification({ tenderId: null }), home)).toBeNull();
  });
});
