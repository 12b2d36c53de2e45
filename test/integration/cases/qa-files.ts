// Access-matrix rows for the Q&A files routes (issue 5): import with preview, export, similar questions.
// Officers import; everyone of the region reads a published round's export (providers only published
// rounds); staff search similar questions; the other tenant's officer finds no tender (404).
import { multipart } from "../../../src/files/testing.ts";
import { all, officerOnly, type RouteCase, signedIn, unique } from "../expect.ts";
import type { World } from "../world.ts";

/** A small Q&A list in the numbered layout, different on every call (so that each import is new). */
function qaFile(): { payload: Buffer; headers: Record<string, string> } {
  const text = [
    `Vragen ${unique()}`,
    "",
    `1. Wanneer wordt de selectieleidraad gepubliceerd (${unique()})?`,
    "A: Op 1 april.",
    "2. En de gunningsleidraad?",
    "A: Zie vraag 1.",
    "",
  ].join("\n");
  return multipart("vragen.txt", Buffer.from(text), { contentType: "text/plain" });
}

/** One imported (published) round in the demo tender, shared by the read rows. */
const imported = new WeakMap<World, Promise<number>>();
function importedRound(w: World): Promise<number> {
  let made = imported.get(w);
  if (!made) {
    made = (async () => {
      const { payload, headers } = qaFile();
      const response = await w.ctx.app.inject({
        method: "POST",
        url: `/api/tenders/${w.tenderId}/qa/import`,
        payload,
        headers: { ...headers, cookie: w.cookies.procurement_officer! },
      });
      if (response.statusCode !== 201) throw new Error(`import for the matrix failed: ${response.body}`);
      return response.json<{ roundNumber: number }>().roundNumber;
    })();
    imported.set(w, made);
  }
  return made;
}

export const QA_FILES_CASES: Record<string, RouteCase> = {
  "POST /api/tenders/:tenderId/qa/import/preview": {
    request: async (w) => ({ url: `/api/tenders/${w.tenderId}/qa/import/preview`, ...qaFile() }),
    expect: officerOnly(200, 404),
    changesNothing: true,
  },
  "POST /api/tenders/:tenderId/qa/import": {
    request: async (w) => ({ url: `/api/tenders/${w.tenderId}/qa/import`, ...qaFile() }),
    expect: officerOnly(201, 404),
    audit: "qa.import",
  },
  "GET /api/tenders/:tenderId/qa/rounds/:number/export": {
    request: async (w) => ({
      url: `/api/tenders/${w.tenderId}/qa/rounds/${await importedRound(w)}/export?format=md`,
    }),
    expect: signedIn(200, 404),
  },
  "GET /api/tenders/:tenderId/qa/similar": {
    async request(w) {
      await importedRound(w);
      return { url: `/api/tenders/${w.tenderId}/qa/similar?text=${encodeURIComponent("selectieleidraad publicatie")}` };
    },
    expect: all(200, { anonymous: 401, provider_own: 403, provider_other: 403, other_tenant: 404 }),
  },
};
