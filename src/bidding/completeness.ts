// What a bid still lacks before it can be submitted (DOMAIN.md, "Selection phase"): its subsegments
// and municipalities, an answer to every minimum requirement that applies, a dossier text per
// selection criterion, references with enough clients served, and a bidder the tender can contract
// (KvK number and legal form). Pure: the caller gathers the tender's requirements and criteria.
import { applicableRequirements, type BidScope } from "../requirements/applicable.ts";
import type { BidContent, FieldProblem } from "./content.ts";

export { applicableRequirements };

export interface ScopedRequirement {
  id: string;
  code: string;
  kind: "yes_no" | "reference";
  minClients: number | null;
  /** Scope: all null = the whole tender; else exactly one of these is set. */
  lotId: string | null;
  segmentId: string | null;
  subsegmentId: string | null;
}

/** Where a bid sits: its segment, the segment's lot and the subsegments it chose. */
export type BidPlace = BidScope;

export interface CompletenessInput {
  content: BidContent;
  place: Omit<BidPlace, "subsegmentIds">;
  /** How many subsegments the segment has: a segment without any (Dyslexiezorg) needs none chosen. */
  subsegmentCount: number;
  /** All requirements of the tender; those that apply are picked here. */
  requirements: readonly ScopedRequirement[];
  /** The selection criteria (A–F) of the bid's segment. */
  criteria: readonly { id: string; letter: string }[];
  /** The bidder, and the organisation acting for it when that is another one (a combination's lead). */
  parties: readonly Party[];
}

export interface Party {
  /** "bidder" or "organisation": the prefix of the missing item's field. */
  as: "bidder" | "organisation";
  name: string;
  kvkNumber: string | null;
  legalForm: string | null;
}

export interface Completeness {
  complete: boolean;
  missing: FieldProblem[];
}

const filled = (text: string) => text.trim().length > 0;

export function completeness(input: CompletenessInput): Completeness {
  const { content } = input;
  const missing: FieldProblem[] = [];
  if (input.subsegmentCount > 0 && content.subsegmentIds.length === 0) {
    missing.push({ field: "subsegmentIds", message: "choose at least one subsegment" });
  }
  if (content.municipalityIds.length === 0) {
    missing.push({ field: "municipalityIds", message: "name at least one municipality served" });
  }

  const applicable = applicableRequirements(input.requirements, {
    ...input.place,
    subsegmentIds: content.subsegmentIds,
  });
  for (const requirement of applicable) {
    if (requirement.kind === "reference") {
      const min = requirement.minClients ?? 1;
      if (!content.references.some((r) => r.clientsServed >= min)) {
        missing.push({
          field: `references.${requirement.id}`,
          message: `requirement ${requirement.code} asks for a reference with at least ${min} clients served`,
        });
      }
      continue;
    }
    const answer = content.requirementAnswers.find((a) => a.requirementId === requirement.id);
    if (!answer) {
      missing.push({
        field: `requirementAnswers.${requirement.id}`,
        message: `answer requirement ${requirement.code}`,
      });
    } else if (answer.met && !filled(answer.evidence)) {
      missing.push({
        field: `requirementAnswers.${requirement.id}.evidence`,
        message: `give the evidence that requirement ${requirement.code} is met`,
      });
    }
  }

  for (const criterion of input.criteria) {
    const entry = content.dossier.find((d) => d.criterionId === criterion.id);
    if (!entry || !filled(entry.text)) {
      missing.push({
        field: `dossier.${criterion.id}`,
        message: `write the dossier text for criterion ${criterion.letter}`,
      });
    }
  }

  for (const party of input.parties) {
    if (!party.kvkNumber) {
      missing.push({ field: `${party.as}.kvkNumber`, message: `${party.name} needs a KvK number` });
    }
    if (!party.legalForm) {
      missing.push({ field: `${party.as}.legalForm`, message: `${party.name} needs a legal form` });
    }
  }
  return { complete: missing.length === 0, missing };
}
