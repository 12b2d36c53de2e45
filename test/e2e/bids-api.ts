// Setting up a submitted bid through the API, as a provider's browser would, for the browser tests
// that look at bids from the officers' side.
import { multipart, samplePdf } from "../../src/files/testing.ts";
import type { App } from "../../src/platform/http.ts";
import { loginCookie } from "../../src/platform/testing.ts";

async function call<T>(app: App, cookie: string, method: "GET" | "POST" | "PUT", url: string, body?: unknown) {
  const response = await app.inject({
    method,
    url,
    headers: { cookie },
    ...(body === undefined ? {} : { payload: body as object }),
  });
  if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
  return response.json() as T;
}

export interface PreparedBid {
  tenderId: string;
  bidId: string;
  fileId: string;
  file: Buffer;
  closesAt: string;
}

/** Registers the provider for Inkoop 2027 and submits a complete bid on Dyslexiezorg with `marker` in its dossier. */
export async function submitDyslexiaBid(app: App, email: string, marker: string): Promise<PreparedBid> {
  const cookie = await loginCookie(app, email);
  const tenders = await call<{ id: string; name: string }[]>(app, cookie, "GET", "/api/tenders");
  const tenderId = tenders.find((t) => t.name === "Inkoop 2027")?.id ?? "";
  const tender = await call<{
    lots: { id: string; segments: { id: string; name: string }[] }[];
    municipalities: { id: string }[];
  }>(app, cookie, "GET", `/api/tenders/${tenderId}`);
  const segmentId = tender.lots.flatMap((l) => l.segments).find((s) => s.name === "Dyslexiezorg")?.id ?? "";
  const asks = await call<{
    closesAt: string;
    requirements: {
      id: string;
      kind: string;
      lotId: string | null;
      segmentId: string | null;
      subsegmentId: string | null;
    }[];
    criteria: { id: string; segmentId: string }[];
  }>(app, cookie, "GET", `/api/tenders/${tenderId}/requirements`);
  const lotId = tender.lots.find((l) => l.segments.some((s) => s.id === segmentId))?.id;
  const applicable = asks.requirements.filter(
    (r) =>
      r.kind === "yes_no" &&
      !r.subsegmentId &&
      (r.segmentId ? r.segmentId === segmentId : r.lotId ? r.lotId === lotId : true),
  );

  await call(app, cookie, "POST", `/api/tenders/${tenderId}/registrations`);
  const bid = await call<{ id: string }>(app, cookie, "POST", `/api/tenders/${tenderId}/bids`, { segmentId });
  const file = samplePdf(`Bijlage ${marker}`);
  const upload = multipart("werkwijze.pdf", file, { contentType: "application/pdf" });
  const uploaded = await app.inject({
    method: "POST",
    url: `/api/bids/${bid.id}/files`,
    headers: { cookie, ...upload.headers },
    payload: upload.payload,
  });
  if (uploaded.statusCode !== 201) throw new Error(`upload: ${uploaded.statusCode} ${uploaded.body}`);
  const fileId = (uploaded.json() as { id: string }).id;

  await call(app, cookie, "PUT", `/api/bids/${bid.id}/content`, {
    subsegmentIds: [],
    municipalityIds: tender.municipalities.map((m) => m.id),
    specialisms: ["dyslexie"],
    requirementAnswers: applicable.map((r, i) => ({
      requirementId: r.id,
      met: true,
      evidence: `Onderbouwing ${marker}`,
      fileIds: i === 0 ? [fileId] : [],
    })),
    dossier: asks.criteria
      .filter((c) => c.segmentId === segmentId)
      .map((c) => ({ criterionId: c.id, text: `Dossiertekst ${marker}`, fileIds: [] })),
    references: [{ client: `Opdrachtgever ${marker}`, description: "", clientsServed: 25, period: "2024" }],
    subcontractors: [],
  });
  await call(app, cookie, "POST", `/api/bids/${bid.id}/submit`);
  return { tenderId, bidId: bid.id, fileId, file, closesAt: asks.closesAt };
}
