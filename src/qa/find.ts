/**
 * Finding in a published Nota van Inlichtingen: which questions hold every word typed, and where in
 * a text those words are, to mark them. Case and accents do not count (ideeën = ideeen = IDEEEN), as
 * in the similar-question search; a word matches inside a longer one (lumpsum in lumpsumbudget).
 * Pure, shared by the pages and the tests.
 */

/** One character as it is compared: lower case, without accents (may be "" for a lone mark). */
function fold(c: string): string {
  return c
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
}

/** The words of a search: folded, split on anything but letters and digits, each once. */
export function searchWords(query: string): string[] {
  const words = [...query]
    .map(fold)
    .join("")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "");
  return [...new Set(words)];
}

/** The text folded, with for each folded character the index of the character it came from. */
function folded(text: string): { text: string; origin: number[] } {
  let out = "";
  const origin: number[] = [];
  let index = 0;
  for (const c of text) {
    const f = fold(c);
    out += f;
    // One entry per UTF-16 unit, as indexOf counts them.
    for (let k = 0; k < f.length; k++) origin.push(index);
    index += c.length;
  }
  origin.push(index);
  return { text: out, origin };
}

/** Whether every word occurs somewhere in the texts (null texts are skipped). */
export function matchesAll(texts: readonly (string | null | undefined)[], words: readonly string[]): boolean {
  if (words.length === 0) return true;
  const haystack = texts
    .filter((t): t is string => Boolean(t))
    .map((t) => folded(t).text)
    .join("\n");
  return words.every((w) => haystack.includes(w));
}

export interface Part {
  text: string;
  marked: boolean;
}

/** The text in parts, the occurrences of the words marked; overlapping occurrences become one mark. */
export function markParts(text: string, words: readonly string[]): Part[] {
  if (words.length === 0 || text === "") return text === "" ? [] : [{ text, marked: false }];
  const f = folded(text);
  const ranges: [number, number][] = [];
  for (const word of words) {
    for (let at = f.text.indexOf(word); at !== -1; at = f.text.indexOf(word, at + 1)) {
      ranges.push([f.origin[at]!, f.origin[at + word.length]!]);
    }
  }
  if (ranges.length === 0) return [{ text, marked: false }];
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const [start, end] of ranges) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  const parts: Part[] = [];
  let at = 0;
  for (const [start, end] of merged) {
    if (start > at) parts.push({ text: text.slice(at, start), marked: false });
    parts.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false });
  return parts;
}
