// What a bid says (BidContent) and the checks that tie it to its tender: every id it names must be
// one of the bid's own segment, tender, requirements, criteria and files. Pure: the caller gathers
// the scope from the database.

export interface RequirementAnswer {
  requirementId: string;
  met: boolean;
  evidence: string;
  fileIds: string[];
}

export interface DossierEntry {
  criterionId: string;
  text: string;
  fileIds: string[];
}

export interface Reference {
  client: string;
  description: string;
  clientsServed: number;
  period: string;
}

export interface Subcontractor {
  kvkNumber: string;
  name: string;
  role: string;
}

export interface BidContent {
  subsegmentIds: string[];
  municipalityIds: string[];
  specialisms: string[];
  requirementAnswers: RequirementAnswer[];
  /** The competence dossier (bekwaamheidsdossier): a text and files per selection criterion. */
  dossier: DossierEntry[];
  references: Reference[];
  subcontractors: Subcontractor[];
}

export const emptyContent = (): BidContent => ({
  subsegmentIds: [],
  municipalityIds: [],
  specialisms: [],
  requirementAnswers: [],
  dossier: [],
  references: [],
  subcontractors: [],
});

export interface FieldProblem {
  field: string;
  message: string;
}

/** What a bid may name: the ids of its own segment, tender and bid. */
export interface ContentScope {
  subsegmentIds: readonly string[];
  municipalityIds: readonly string[];
  /** Requirements that can apply to a bid on this segment: tender-wide, its lot, the segment or one of its subsegments. */
  requirementIds: readonly string[];
  criterionIds: readonly string[];
  fileIds: readonly string[];
  /** The bidder's own KvK number: a bidder cannot be its own subcontractor. */
  bidderKvk: string | null;
}

/** Every id in `content` that is not the bid's to name, each with the path of the field (body.dossier.2.criterionId). */
export function contentErrors(content: BidContent, scope: ContentScope): FieldProblem[] {
  const errors: FieldProblem[] = [];
  const within = (ids: readonly string[], known: readonly string[], path: string, what: string) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (!known.includes(id)) errors.push({ field: `${path}.${i}`, message: `is not ${what}` });
      else if (seen.has(id)) errors.push({ field: `${path}.${i}`, message: "is named twice" });
      seen.add(id);
    });
  };
  within(content.subsegmentIds, scope.subsegmentIds, "body.subsegmentIds", "a subsegment of the bid's segment");
  within(content.municipalityIds, scope.municipalityIds, "body.municipalityIds", "a municipality of the tender");

  const answered = new Set<string>();
  content.requirementAnswers.forEach((answer, i) => {
    const path = `body.requirementAnswers.${i}`;
    if (!scope.requirementIds.includes(answer.requirementId)) {
      errors.push({ field: `${path}.requirementId`, message: "is not a requirement for this segment" });
    } else if (answered.has(answer.requirementId)) {
      errors.push({ field: `${path}.requirementId`, message: "is answered twice" });
    }
    answered.add(answer.requirementId);
    within(answer.fileIds, scope.fileIds, `${path}.fileIds`, "a file of this bid");
  });

  const written = new Set<string>();
  content.dossier.forEach((entry, i) => {
    const path = `body.dossier.${i}`;
    if (!scope.criterionIds.includes(entry.criterionId)) {
      errors.push({ field: `${path}.criterionId`, message: "is not a selection criterion of this segment" });
    } else if (written.has(entry.criterionId)) {
      errors.push({ field: `${path}.criterionId`, message: "has a dossier entry twice" });
    }
    written.add(entry.criterionId);
    within(entry.fileIds, scope.fileIds, `${path}.fileIds`, "a file of this bid");
  });

  const kvks = new Set<string>();
  content.subcontractors.forEach((s, i) => {
    const field = `body.subcontractors.${i}.kvkNumber`;
    if (s.kvkNumber === scope.bidderKvk) errors.push({ field, message: "is the bidder itself" });
    else if (kvks.has(s.kvkNumber)) errors.push({ field, message: "is named twice" });
    kvks.add(s.kvkNumber);
  });
  return errors;
}
