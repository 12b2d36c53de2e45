// The bid form's own state: the content as the fields hold it (numbers as typed, specialisms one
// per line, answers not yet chosen), and the conversion to and from the API's BidContent.
import type { BidContent, Reference, Subcontractor } from "./api.ts";
import { fieldIds } from "./applicable.ts";

export interface AnswerState {
  met: boolean | null;
  evidence: string;
  fileIds: string[];
}

export interface FormState {
  subsegmentIds: string[];
  municipalityIds: string[];
  specialisms: string;
  answers: Record<string, AnswerState>;
  dossier: Record<string, { text: string; fileIds: string[] }>;
  references: (Omit<Reference, "clientsServed"> & { clientsServed: string })[];
  subcontractors: Subcontractor[];
}

export function fromContent(content: BidContent): FormState {
  return {
    subsegmentIds: [...content.subsegmentIds],
    municipalityIds: [...content.municipalityIds],
    specialisms: content.specialisms.join("\n"),
    answers: Object.fromEntries(
      content.requirementAnswers.map((a) => [
        a.requirementId,
        { met: a.met, evidence: a.evidence, fileIds: [...a.fileIds] },
      ]),
    ),
    dossier: Object.fromEntries(content.dossier.map((d) => [d.criterionId, { text: d.text, fileIds: [...d.fileIds] }])),
    references: content.references.map((r) => ({ ...r, clientsServed: String(r.clientsServed) })),
    subcontractors: content.subcontractors.map((s) => ({ ...s })),
  };
}

export const emptyAnswer = (): AnswerState => ({ met: null, evidence: "", fileIds: [] });

/** The problems the browser can see before saving, keyed by the id of the field they belong to. */
export function formProblems(state: FormState, t: (key: string) => string): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const [requirementId, answer] of Object.entries(state.answers)) {
    if (answer.met === null && (answer.evidence.trim() || answer.fileIds.length > 0)) {
      problems[fieldIds.requirement(requirementId)] = t("bid.chooseYesNo");
    }
  }
  state.references.forEach((reference, index) => {
    if (!/^\d+$/.test(reference.clientsServed.trim()))
      problems[fieldIds.reference(index, "clientsServed")] = t("validation.wholeNumberZero");
  });
  state.subcontractors.forEach((sub, index) => {
    if (!/^[0-9]{8}$/.test(sub.kvkNumber.trim()) || sub.kvkNumber.trim() === "00000000")
      problems[fieldIds.subcontractor(index, "kvkNumber")] = t("validation.kvk");
  });
  return problems;
}

/** The content to send; call only when formProblems found nothing. */
export function toContent(state: FormState): BidContent {
  return {
    subsegmentIds: state.subsegmentIds,
    municipalityIds: state.municipalityIds,
    specialisms: state.specialisms
      .split("\n")
      .map((s) => s.trim())
      .filter(Boolean),
    requirementAnswers: Object.entries(state.answers).flatMap(([requirementId, answer]) =>
      answer.met === null
        ? []
        : [{ requirementId, met: answer.met, evidence: answer.evidence.trim(), fileIds: answer.fileIds }],
    ),
    dossier: Object.entries(state.dossier)
      .filter(([, entry]) => entry.text.trim() || entry.fileIds.length > 0)
      .map(([criterionId, entry]) => ({ criterionId, text: entry.text.trim(), fileIds: entry.fileIds })),
    references: state.references.map((r) => ({
      client: r.client.trim(),
      description: r.description.trim(),
      clientsServed: Number(r.clientsServed.trim()),
      period: r.period.trim(),
    })),
    subcontractors: state.subcontractors.map((s) => ({
      kvkNumber: s.kvkNumber.trim(),
      name: s.name.trim(),
      role: s.role.trim(),
    })),
  };
}
