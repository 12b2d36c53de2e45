// Texts of the Q&A pages (questions, triage, rounds, import, export); joined into nl.ts and en.ts.

export const qaNl = { qa: {} };
export const qaEn: typeof qaNl = { qa: {} };
