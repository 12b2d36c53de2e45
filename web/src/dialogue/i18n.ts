// Texts of the dialogue pages (sessions, registrations, statements); joined into nl.ts and en.ts.

export const dialogueNl = { dialogue: {} };
export const dialogueEn: typeof dialogueNl = { dialogue: {} };
