// The rules of the Q&A workflow: when providers may ask, who may draft and approve, which status
// may become which. Pure: `now` and the caller are arguments; the store turns a refusal into an error.
import type { QuestionStatus } from "./read.ts";

export interface Refusal {
  rule: string;
  message: string;
}

export interface AskingWindow {
  publishedAt: Date | null;
  questionsCloseAt: Date | null;
}

/** Why a provider cannot ask a question at `now`; null when it can. The deadline itself is late. */
export function askingRefusal(window: AskingWindow, now: Date): Refusal | null {
  if (!window.publishedAt || !window.questionsCloseAt) {
    return {
      rule: "questions_not_open",
      message: "questions can be asked only once the tender is published and a question deadline is set",
    };
  }
  if (now.getTime() >= window.questionsCloseAt.getTime()) {
    return {
      rule: "questions_closed",
      message: `the question deadline ${window.questionsCloseAt.toISOString()} has passed (server time ${now.toISOString()}); questions are no longer accepted`,
    };
  }
  return null;
}

export const isAskingOpen = (window: AskingWindow, now: Date) => askingRefusal(window, now) === null;

/** What a question is to its asker: the workflow stays with the staff. */
export type AskerStatus = "open" | "published" | "answered" | "withdrawn";

export function askerStatus(status: QuestionStatus): AskerStatus {
  switch (status) {
    case "published":
    case "answered":
    case "withdrawn":
      return status;
    default:
      return "open";
  }
}

/** Questions still waiting for an answer to reach their readers. */
export const OPEN_STATUSES: readonly QuestionStatus[] = ["new", "assigned", "drafted", "approved"];

export interface Workflow {
  status: QuestionStatus;
  visibility: "public" | "private";
  number: number | null;
  assigneeId: string | null;
  draftedBy: string | null;
}

export interface Worker {
  id: string;
  /** A procurement officer may draft any question; other content experts only those assigned to them. */
  isOfficer: boolean;
}

const FINISHED: readonly QuestionStatus[] = ["approved", "published", "answered"];

/** Triage (number, category, visibility) and assignment end once the answer has been approved. */
export function triageRefusal(q: Workflow): Refusal | null {
  if (q.status === "withdrawn") return { rule: "withdrawn", message: "the question has been withdrawn" };
  if (FINISHED.includes(q.status)) {
    return { rule: "already_approved", message: "the answer has been approved; reopen it first" };
  }
  return null;
}

export function draftRefusal(q: Workflow, worker: Worker): Refusal | null {
  const ended = triageRefusal(q);
  if (ended) return ended;
  if (!worker.isOfficer && q.assigneeId !== worker.id) {
    return {
      rule: "not_assignee",
      message: "only the colleague the question is assigned to, or a procurement officer, drafts its answer",
    };
  }
  return null;
}

/** Four eyes: a second officer approves; the drafter never approves the own draft. */
export function approveRefusal(q: Workflow, approverId: string): Refusal | null {
  if (FINISHED.includes(q.status)) return { rule: "already_approved", message: "the answer is already approved" };
  if (q.status !== "drafted") return { rule: "not_drafted", message: "there is no drafted answer to approve" };
  if (q.draftedBy === approverId) {
    return { rule: "four_eyes", message: "the colleague who drafted the answer cannot also approve it" };
  }
  if (q.visibility === "public" && q.number === null) {
    return { rule: "number_required", message: "a public question needs a number before its answer is approved" };
  }
  return null;
}

/** A drafted or approved (not yet published) answer goes back to drafting. */
export function reopenRefusal(q: Workflow): Refusal | null {
  if (q.status === "drafted" || q.status === "approved") return null;
  if (q.status === "published" || q.status === "answered") {
    return {
      rule: "already_published",
      message: "a published answer cannot be reopened; answer it again in a later round",
    };
  }
  return { rule: "not_drafted", message: "there is no answer to reopen" };
}

export function withdrawRefusal(q: Workflow): Refusal | null {
  if (q.status === "withdrawn") return { rule: "withdrawn", message: "the question has already been withdrawn" };
  if (q.status === "published" || q.status === "answered") {
    return { rule: "already_published", message: "an answered question cannot be withdrawn" };
  }
  return null;
}

/** The status after reopening: back to the assignee, or to triage when nobody is assigned. */
export const reopenedStatus = (q: Workflow): QuestionStatus => (q.assigneeId ? "assigned" : "new");

/** The answer of "answer by reference in one action". */
export const referenceAnswer = (number: number) => `Wij verwijzen u naar het antwoord op vraag ${number}.`;

/** The default title of round N. */
export const roundTitle = (number: number) => `Nota van Inlichtingen ${number}`;
