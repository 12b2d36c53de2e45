// The API of questions and answers (issue 5): what providers read and ask, and the officers' work
// on questions, rounds (Nota van Inlichtingen), the import of an earlier list and the export.
import type { z } from "zod";
import type { QaAlreadyImported, QaImported, QaImportPreview, QaSimilarMatch } from "../../../src/qa/file-schemas.ts";
import type * as schemas from "../../../src/qa/schemas.ts";
import { ApiError, type Problem, request } from "../api.ts";

// The answers' types are the server's own response schemas, so the two cannot drift apart.
export type QaOverview = z.infer<typeof schemas.OverviewSchema>;
export type QaSettings = z.infer<typeof schemas.SettingsSchema>;
export type QaRound = z.infer<typeof schemas.QaRoundSchema>;
export type PublicQuestion = z.infer<typeof schemas.PublicQuestionSchema>;
/** A provider's own question: no workflow, the number and answer only once published or answered. */
export type MyQuestion = z.infer<typeof schemas.MyQuestionSchema>;
export type QaQuestion = z.infer<typeof schemas.QaQuestionSchema>;
export type QuestionStatus = QaQuestion["status"];
export type QaReference = PublicQuestion["references"][number];

export interface NewQuestion {
  text: string;
  documentRef?: string;
  lotId?: string;
}

export interface Triage {
  number?: number | null;
  category?: string | null;
  subheading?: string | null;
  documentRef?: string | null;
  lotId?: string | null;
  visibility?: "public" | "private";
  privateReason?: string | null;
}

export interface Draft {
  answer: string;
  reservation: boolean;
  references: string[];
}

export interface Assignee {
  id: string;
  name: string;
  email: string;
  role: string;
}

export type ImportPreview = QaImportPreview;
export type ImportResult = QaImported | QaAlreadyImported;
export type SimilarMatch = QaSimilarMatch;

export type ExportFormat = "pdf" | "docx" | "md";

const tenderQa = (tenderId: string) => `/api/tenders/${encodeURIComponent(tenderId)}/qa`;
const questionPath = (id: string) => `/api/qa/questions/${encodeURIComponent(id)}`;
const roundPath = (id: string) => `/api/qa/rounds/${encodeURIComponent(id)}`;

/** Sends one file as multipart/form-data (field `file`) and answers the JSON the server returns. */
export async function postFile<T>(url: string, file: File): Promise<T> {
  const form = new FormData();
  form.append("file", file, file.name);
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { accept: "application/json" },
      body: form,
    });
  } catch {
    throw new ApiError({ type: "about:blank", title: "Network error", status: 0, code: "NETWORK" }, null);
  }
  const text = await response.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!response.ok) {
    const problem: Problem =
      data && typeof data === "object" && "code" in data
        ? (data as Problem)
        : { type: "about:blank", title: response.statusText, status: response.status, code: "UNKNOWN" };
    throw new ApiError(problem, null);
  }
  return data as T;
}

export const qaApi = {
  overview: (tenderId: string) => request<QaOverview>("GET", tenderQa(tenderId)),
  saveSettings: (tenderId: string, settings: QaSettings) =>
    request<QaSettings>("PUT", `${tenderQa(tenderId)}/settings`, settings),
  published: (tenderId: string) => request<{ questions: PublicQuestion[] }>("GET", `${tenderQa(tenderId)}/published`),
  mine: (tenderId: string) => request<{ questions: MyQuestion[] }>("GET", `${tenderQa(tenderId)}/mine`),
  ask: (tenderId: string, question: NewQuestion) =>
    request<MyQuestion>("POST", `${tenderQa(tenderId)}/questions`, question),
  templateUrl: (tenderId: string) => `${tenderQa(tenderId)}/template.xlsx`,
  askMany: (tenderId: string, file: File) =>
    postFile<{ questions: MyQuestion[] }>(`${tenderQa(tenderId)}/questions/bulk`, file),

  questions: (tenderId: string) => request<{ questions: QaQuestion[] }>("GET", `${tenderQa(tenderId)}/questions`),
  question: (questionId: string) => request<QaQuestion>("GET", questionPath(questionId)),
  triage: (questionId: string, change: Triage) => request<QaQuestion>("PATCH", questionPath(questionId), change),
  assign: (questionId: string, assigneeId: string) =>
    request<QaQuestion>("POST", `${questionPath(questionId)}/assign`, { assigneeId }),
  draft: (questionId: string, draft: Draft) => request<QaQuestion>("PUT", `${questionPath(questionId)}/answer`, draft),
  refer: (questionId: string, referredId: string) =>
    request<QaQuestion>("POST", `${questionPath(questionId)}/refer`, { questionId: referredId }),
  approve: (questionId: string) => request<QaQuestion>("POST", `${questionPath(questionId)}/approve`),
  reopen: (questionId: string, reason: string) =>
    request<QaQuestion>("POST", `${questionPath(questionId)}/reopen`, { reason }),
  withdraw: (questionId: string, reason: string) =>
    request<QaQuestion>("POST", `${questionPath(questionId)}/withdraw`, { reason }),
  assignees: (tenderId: string) => request<{ assignees: Assignee[] }>("GET", `${tenderQa(tenderId)}/assignees`),
  similar: (tenderId: string, text: string, exclude?: string) =>
    request<{ matches: SimilarMatch[] }>(
      "GET",
      `${tenderQa(tenderId)}/similar?${new URLSearchParams({ text, limit: "5", ...(exclude ? { exclude } : {}) })}`,
    ),

  createRound: (tenderId: string, round: { title?: string; plannedOn?: string }) =>
    request<QaRound>("POST", `${tenderQa(tenderId)}/rounds`, round),
  changeRound: (roundId: string, change: { title?: string; plannedOn?: string | null }) =>
    request<QaRound>("PATCH", roundPath(roundId), change),
  publishRound: (roundId: string) => request<QaRound>("POST", `${roundPath(roundId)}/publish`),
  round: (roundId: string) => request<{ round: QaRound; questions: PublicQuestion[] }>("GET", roundPath(roundId)),
  exportUrl: (tenderId: string, roundNumber: number, format: ExportFormat) =>
    `${tenderQa(tenderId)}/rounds/${roundNumber}/export?format=${format}`,

  previewImport: (tenderId: string, file: File) =>
    postFile<ImportPreview>(`${tenderQa(tenderId)}/import/preview`, file),
  saveImport: (tenderId: string, file: File) => postFile<ImportResult>(`${tenderQa(tenderId)}/import`, file),
};
