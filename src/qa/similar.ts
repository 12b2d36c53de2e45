/**
 * Dutch-aware text similarity for the question triage (issue 5, point 5): which earlier questions
 * resemble this one. Pure: no I/O.
 *
 * A text becomes terms by: lower case, accents dropped (ideeën = ideeen), anything but letters and
 * digits a separator, Dutch stop words left out, the Snowball Dutch stemmer (aanbieders = aanbieder,
 * inschrijven = inschrijving). Texts are compared as TF-IDF vectors by cosine: 0 is nothing in
 * common, 1 is the same terms in the same proportion. The IDF is taken over the candidates, so a
 * term every question has (aanbesteding, in a tender's Q&A) weighs little.
 */
import { stemmer } from "@orama/stemmers/dutch";

// The Snowball Dutch stop-word list, plus the words questions are phrased with (wij, graag, welke …).
const STOP_WORDS = new Set(
  `aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus een eens en er ge geen
  geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is ja je kan kon kunnen maar me meer
  men met mij mijn moet na naar niet niets nog nu of om omdat onder ons ook op over reeds te tegen toch toen tot u
  uit uw van veel voor want waren was wat we wel werd wezen wie wij wil worden wordt zal ze zelf zich zij zijn zo
  zonder zou jullie jij jou onze ons hunne welke welk wanneer waarom waar hoe hoeveel graag kunt kun zullen zouden
  mag mogen moeten word wordt dient dienen gaat gaan komt komen even echter dient hierbij daarbij daarvan hiervan
  hierover daarover waarbij waarvan waarin hierin daarin er eer tot tussen per via bv bijv etc enz dergelijke
  zoals alle elk elke iedere ieder enige enkele deze dezen ene andere ander`.split(/\s+/),
);

const stems = new Map<string, string>();

/**
 * Snowball leaves verb forms in -t/-d alone (beoordeelt, beoordeeld ≠ beoordelen → beoordel): every
 * stem loses a final -t, -d or -dt and then a doubled vowel before its last consonant. Applied to every
 * word alike, it maps budget and budgetten, vindt and vinden, beoordeelt and beoordeling together.
 */
function conflate(s: string): string {
  if (s.length < 4) return s;
  const cut = s.endsWith("dt") ? s.slice(0, -2) : /[td]$/.test(s) ? s.slice(0, -1) : s;
  return cut.replace(/([aeiou])\1([^aeiou])$/, "$1$2");
}

function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    s = conflate(stemmer(word));
    if (stems.size > 50_000) stems.clear();
    stems.set(word, s);
  }
  return s;
}

/** Lower case, accents dropped, everything that is not a letter or digit a space. */
export function normalise(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The text's terms: normalised words without stop words, stemmed. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const word of normalise(text).split(" ")) {
    if (word.length < 2 || STOP_WORDS.has(word)) continue;
    out.push(/^\d+$/.test(word) ? word : stem(word));
  }
  return out;
}

export interface SimilarCandidate {
  id: string;
  text: string;
  /** Ids of the candidates its answer refers to ("zie het antwoord op vraag 40"). */
  references?: readonly string[];
}

/**
 * A candidate whose answer refers to another passes this share of its score on to that other one: the
 * question it was a duplicate of, whose answer is the one to refer to in turn.
 */
export const REFERENCE_SHARE = 0.9;

export interface SimilarMatch {
  id: string;
  /** Cosine of the TF-IDF vectors, 0..1, rounded to 4 decimals. */
  score: number;
}

// Dutch glues words together (bekwaamheidsdossier, zorgaanbieder): a long stem also counts, lightly, as
// its 4-letter pieces, so that a compound meets its parts and a misspelt word (bewaamheidsdossier) its
// correct form. On the seed's near-duplicates (same answer, or "zie vraag N") this found 28 of 88 in
// the top 3 instead of 22.
const GRAM = 4;
const GRAM_WEIGHT = 0.4;
const GRAM_MIN = 6;

// A tender's questions are compared again at every triage: their term counts are kept by text.
const countsByText = new Map<string, ReadonlyMap<string, number>>();

function countsOf(text: string): ReadonlyMap<string, number> {
  let c = countsByText.get(text);
  if (c === undefined) {
    c = counts(terms(text));
    if (countsByText.size > 20_000) countsByText.clear();
    countsByText.set(text, c);
  }
  return c;
}

function counts(words: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of words) {
    m.set(w, (m.get(w) ?? 0) + 1);
    if (GRAM_WEIGHT > 0 && w.length >= GRAM_MIN)
      for (let i = 0; i + GRAM <= w.length; i++) {
        const g = `#${w.slice(i, i + GRAM)}`;
        m.set(g, (m.get(g) ?? 0) + 1);
      }
  }
  return m;
}

/**
 * The candidates most similar to `query`, best first, at most `limit`, only those with a score above 0.
 * Ties keep the candidates' order.
 */
export function rankSimilar(query: string, candidates: readonly SimilarCandidate[], limit = 5): SimilarMatch[] {
  const queryCounts = counts(terms(query));
  if (queryCounts.size === 0 || candidates.length === 0 || limit <= 0) return [];
  const docs = candidates.map((c) => countsOf(c.text));
  const df = new Map<string, number>();
  for (const doc of docs) for (const t of doc.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;
  // Smoothed IDF: a term in every document still counts a little; a term in none counts most.
  const idf = (t: string) => Math.log((n + 1) / ((df.get(t) ?? 0) + 1)) + 1;
  const weigh = (doc: ReadonlyMap<string, number>) => {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [t, c] of doc) {
      const w = (1 + Math.log(c)) * idf(t) * (t.startsWith("#") ? GRAM_WEIGHT : 1);
      v.set(t, w);
      norm += w * w;
    }
    return { v, norm: Math.sqrt(norm) };
  };
  const q = weigh(queryCounts);
  const scores = docs.map((doc) => {
    const d = weigh(doc);
    if (d.norm === 0) return 0;
    let dot = 0;
    for (const [t, w] of q.v) {
      const other = d.v.get(t);
      if (other !== undefined) dot += w * other;
    }
    return dot <= 0 ? 0 : Math.min(1, dot / (q.norm * d.norm));
  });
  const indexOf = new Map(candidates.map((c, i) => [c.id, i]));
  const final = [...scores];
  candidates.forEach((c, i) => {
    for (const ref of c.references ?? []) {
      const j = indexOf.get(ref);
      if (j !== undefined && j !== i) final[j] = Math.max(final[j]!, scores[i]! * REFERENCE_SHARE);
    }
  });
  return final
    .map((score, index) => ({ id: candidates[index]!.id, score: Math.round(score * 10_000) / 10_000, index }))
    .filter((m) => m.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, limit)
    .map(({ id, score }) => ({ id, score }));
}
