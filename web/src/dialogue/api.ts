// The API of dialogue sessions (issue 5): sessions, registrations, attendance, report, documents and
// statements. The answers' types are the server's response schemas, so the two cannot drift apart.
import type { z } from "zod";
import type * as schemas from "../../../src/dialogue/schemas.ts";
import { ApiError, type Problem, request } from "../api.ts";

export type Session = z.infer<typeof schemas.SessionSchema>;
export type SessionDetail = z.infer<typeof schemas.SessionDetailSchema>;
export type Statement = z.infer<typeof schemas.StatementSchema>;
export type StatementInput = z.input<typeof schemas.StatementBody>;
export type SessionInput = z.input<typeof schemas.SessionBody>;
export type Attendee = z.infer<typeof schemas.AttendeeSchema>;
export type PreviewStatement = z.infer<typeof schemas.StatementPreviewSchema>["statements"][number];

const sessionPath = (id: string) => `/api/sessions/${encodeURIComponent(id)}`;

/** Sends a file as multipart/form-data (field `file`) and reads the JSON answer. */
async function sendFile<T>(url: string, file: File): Promise<T> {
  const form = new FormData();
  form.append("file", file, file.name);
  let response: Response;
  try {
    response = await fetch(url, { method: "POST", body: form, credentials: "same-origin" });
  } catch {
    throw new ApiError({ type: "about:blank", title: "Network error", status: 0, code: "NETWORK" }, null);
  }
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    const problem: Problem =
      data && typeof data === "object" && "code" in data
        ? (data as Problem)
        : { type: "about:blank", title: response.statusText, status: response.status, code: "UNKNOWN" };
    throw new ApiError(problem, null);
  }
  return data as T;
}

export const dialogueApi = {
  sessions: (tenderId: string) =>
    request<{ sessions: Session[] }>("GET", `/api/tenders/${encodeURIComponent(tenderId)}/sessions`),
  create: (tenderId: string, input: SessionInput) =>
    request<SessionDetail>("POST", `/api/tenders/${encodeURIComponent(tenderId)}/sessions`, input),
  session: (id: string) => request<SessionDetail>("GET", sessionPath(id)),
  update: (id: string, input: Partial<SessionInput>) => request<SessionDetail>("PATCH", sessionPath(id), input),
  cancel: (id: string) => request<SessionDetail>("POST", `${sessionPath(id)}/cancel`),
  publish: (id: string) => request<SessionDetail>("POST", `${sessionPath(id)}/publish`),
  register: (id: string, attendees: number) =>
    request<SessionDetail>("POST", `${sessionPath(id)}/registrations`, { attendees }),
  unregister: (id: string) => request<SessionDetail>("DELETE", `${sessionPath(id)}/registrations/mine`),
  attendance: (id: string) => request<{ attendees: Attendee[]; total: number }>("GET", `${sessionPath(id)}/attendance`),
  attendanceCsvUrl: (id: string) => `${sessionPath(id)}/attendance?format=csv`,
  saveReport: (id: string, report: string, questions: { question: string; answer: string }[]) =>
    request<SessionDetail>("PUT", `${sessionPath(id)}/report`, { report, questions }),
  addStatement: (id: string, input: StatementInput) =>
    request<Statement>("POST", `${sessionPath(id)}/statements`, input),
  updateStatement: (statementId: string, input: StatementInput) =>
    request<Statement>("PATCH", `/api/statements/${encodeURIComponent(statementId)}`, input),
  deleteStatement: (statementId: string) =>
    request<unknown>("DELETE", `/api/statements/${encodeURIComponent(statementId)}`),
  previewStatements: (id: string, file: File) =>
    sendFile<{ statements: PreviewStatement[] }>(`${sessionPath(id)}/statements/import?preview=1`, file),
  importStatements: (id: string, file: File) =>
    sendFile<{ statements: Statement[] }>(`${sessionPath(id)}/statements/import`, file),
  uploadDocument: (id: string, file: File) => sendFile<unknown>(`${sessionPath(id)}/documents?kind=slides`, file),
  documentUrl: (documentId: string) => `/api/session-documents/${encodeURIComponent(documentId)}`,
  deleteDocument: (documentId: string) =>
    request<unknown>("DELETE", `/api/session-documents/${encodeURIComponent(documentId)}`),
};

/** The dialogue rules the server names when it refuses; each has a text in dialogue.rules.*. */
export const DIALOGUE_RULES = [
  "session_full",
  "registration_closed",
  "already_registered",
  "session_cancelled",
  "session_not_held",
  "already_published",
  "statements_csv",
] as const;

/** A refusal in the user's language: the rule's text (with the server's detail) when named, else the server's words. */
export function dialogueRefusal(error: unknown, t: (key: string, options?: Record<string, string>) => string): string {
  const detail = error instanceof Error ? error.message : String(error);
  if (error instanceof ApiError && error.rule && (DIALOGUE_RULES as readonly string[]).includes(error.rule)) {
    return t(`dialogue.rules.${error.rule}`, { detail });
  }
  return t("validation.server", { detail });
}
