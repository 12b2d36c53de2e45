// The similar-question search over a tender's answered questions (the triage panel and qa similar).
import type { Sql } from "../platform/db.ts";
import { listQuestions, type QuestionStatus } from "./read.ts";
import { rankSimilar } from "./similar.ts";

export interface SimilarQuestion {
  questionId: string;
  number: number | null;
  roundNumber: number | null;
  category: string | null;
  text: string;
  answer: string | null;
  status: QuestionStatus;
  score: number;
}

// Questions that carry an answer text: published, approved or drafted (private answers are the asker's alone).
const ANSWERED: readonly QuestionStatus[] = ["published", "approved", "drafted"];

export async function similarQuestions(
  db: Sql,
  tenderId: string,
  text: string,
  options: { limit: number; exclude?: string },
): Promise<SimilarQuestion[]> {
  const pool = (await listQuestions(db, tenderId)).filter(
    (q) =>
      ANSWERED.includes(q.status) &&
      q.visibility === "public" &&
      q.answer !== null &&
      q.answer.trim() !== "" &&
      q.id !== options.exclude,
  );
  const byId = new Map(pool.map((q) => [q.id, q]));
  return rankSimilar(
    text,
    pool.map((q) => ({ id: q.id, text: q.text, references: q.references.map((r) => r.questionId) })),
    options.limit,
  ).map((m) => {
    const q = byId.get(m.id)!;
    return {
      questionId: q.id,
      number: q.number,
      roundNumber: q.roundNumber,
      category: q.category,
      text: q.text,
      answer: q.answer,
      status: q.status,
      score: m.score,
    };
  });
}
