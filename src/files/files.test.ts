import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../accounts/store.ts";
import { DEMO, loginCookie, type TestContext, testClock, testContext } from "../platform/testing.ts";
import { createRegion } from "../region/store.ts";
import {
  multipart,
  sampleDocx,
  sampleJpeg,
  sampleOdt,
  samplePdf,
  samplePng,
  sampleXlsx,
  sampleZip,
} from "./testing.ts";

const START = "2022-02-01T10:00:00Z";
const CLOSES = "2022-02-01T10:30:00Z";
const clock = testClock(START);
const OTHER_OFFICER = { email: "inkoop@twente.example", password: "Twente-wachtwoord-1" };

let t: TestContext;
const cookies: Record<string, string> = {};
let zorgpartners: string;
let jeugdhulpOost: string;
let ownBid: string;
let otherBid: string;

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

async function one<R>(sql: string, params: unknown[] = []): Promise<R> {
  const [row] = await t.db.query<R>(sql, params);
  return row!;
}

async function createBid(bidderId: string, segmentCode: string, status = "draft"): Promise<string> {
  const row = await one<{ id: string }>(
    `insert into bids (tender_id, segment_id, bidder_id, status, created_at, updated_at)
     select s.tender_id, s.id, $2, $3, $4, $4 from segments s where s.tender_id = $1 and s.code = $5
     returning id`,
    [t.demo!.tenderId, bidderId, status, START, segmentCode],
  );
  return row.id;
}

function upload(cookie: string, bidId: string, name: string, bytes: Buffer, options = {}) {
  const { payload, headers } = multipart(name, bytes, options);
  return t.app.inject({ method: "POST", url: `/api/bids/${bidId}/files`, payload, headers: { ...headers, cookie } });
}

const get = (cookie: string, url: string) => t.app.inject({ url, headers: { cookie } });
const fileCount = async () => Number((await one<{ n: number }>("select count(*) as n from files")).n);

beforeAll(async () => {
  t = await testContext({ clock, config: { uploadMaxMb: 1 } });
  await t.db.query("update tenders set published_at = $2, closes_at = $3 where id = $1", [
    t.demo!.tenderId,
    START,
    CLOSES,
  ]);
  zorgpartners = (await one<{ id: string }>("select id from organisations where name = 'Zorgpartners Achterhoek'")).id;
  jeugdhulpOost = (await one<{ id: string }>("select id from organisations where name = 'Jeugdhulp Oost B.V.'")).id;
  ownBid = await createBid(zorgpartners, "jeugd-iaj");
  // A segment the demo assessor is not assigned to.
  otherBid = await createBid(jeugdhulpOost, "wmo-logeren");
  const system = { id: null, label: "test" };
  const now = clock.now();
  const regionId = await t.db.transaction((tx) =>
    createRegion(tx, { slug: "twente", name: "Twente", municipalities: [] }, system, now),
  );
  await t.db.transaction((tx) =>
    createUser(
      tx,
      regionId,
      {
        email: OTHER_OFFICER.email,
        name: "Inkoop Twente",
        role: "procurement_officer",
        password: OTHER_OFFICER.password,
      },
      system,
      now,
    ),
  );
  for (const [name, email] of Object.entries(DEMO)) cookies[name] = await loginCookie(t.app, email);
  cookies.other_tenant = await loginCookie(t.app, OTHER_OFFICER.email, OTHER_OFFICER.password);
});
afterAll(async () => t?.close());

describe("uploading a file to the own bid", () => {
  it("answers the SHA-256 of exactly the bytes sent, and the type found in the content", async () => {
    const pdf = samplePdf("Bekwaamheidsdossier criterium A");
    const response = await upload(cookies.provider!, ownBid, "Dossier criterium A.pdf", pdf);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      name: "Dossier criterium A.pdf",
      mediaType: "application/pdf",
      sizeBytes: pdf.length,
      sha256: sha256(pdf),
      uploadedAt: new Date(START).toISOString(),
    });
  });

  it("stores neither the content nor the name in plain text, and audits only id, hash, size and type", async () => {
    const marker = "Vertrouwelijk-7f3a9c";
    const response = await upload(cookies.provider!, ownBid, `${marker}.pdf`, samplePdf(marker));
    expect(response.statusCode).toBe(201);
    const { id } = response.json<{ id: string }>();
    const row = await one<{ content: Uint8Array; meta: Uint8Array; purpose: string; organisation_id: string }>(
      "select content, meta, purpose, organisation_id from files where id = $1",
      [id],
    );
    expect(Buffer.from(row.content).includes(marker)).toBe(false);
    expect(Buffer.from(row.content).includes("%PDF")).toBe(false);
    expect(Buffer.from(row.meta).includes(marker)).toBe(false);
    expect(row).toMatchObject({ purpose: "bid", organisation_id: zorgpartners });
    const hits = await one<{ n: number }>(
      "select count(*) as n from files where position(convert_to($1, 'UTF8') in content) > 0 or position(convert_to($1, 'UTF8') in meta) > 0",
      [marker],
    );
    expect(Number(hits.n)).toBe(0);
    const audit = await one<{ after: Record<string, unknown> }>(
      "select after from audit_log where action = 'file.upload' and entity_id = $1",
      [id],
    );
    expect(Object.keys(audit.after).sort()).toEqual(["bidId", "id", "mediaType", "purpose", "sha256", "sizeBytes"]);
    expect(JSON.stringify(audit.after)).not.toContain(marker);
  });

  it("gives back the same bytes under the same name", async () => {
    const docx = sampleDocx("Referenties coöperatie");
    const name = "Referenties coöperatie (versie 2).docx";
    const uploaded = await upload(cookies.provider!, ownBid, name, docx);
    expect(uploaded.statusCode).toBe(201);
    const { id } = uploaded.json<{ id: string }>();
    const download = await get(cookies.provider!, `/api/files/${id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(docx)).toBe(true);
    expect(download.headers["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(download.headers["content-disposition"]).toContain(
      `filename*=UTF-8''${encodeURIComponent(name).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
    );
    expect(download.headers["cache-control"]).toBe("private, no-store");
    const list = await get(cookies.provider!, `/api/bids/${ownBid}/files`);
    expect(list.json<{ id: string; name: string; sha256: string }[]>()).toContainEqual(
      expect.objectContaining({ id, name, sha256: sha256(docx) }),
    );
  });

  it("accepts XLSX, ODT, PNG and JPEG", async () => {
    const samples: [string, Buffer, string][] = [
      ["Begroting.xlsx", sampleXlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
      ["Plan.odt", sampleOdt(), "application/vnd.oasis.opendocument.text"],
      ["Organogram.png", samplePng(), "image/png"],
      ["Locatie.jpeg", sampleJpeg(), "image/jpeg"],
    ];
    for (const [name, bytes, mediaType] of samples) {
      const response = await upload(cookies.provider!, ownBid, name, bytes);
      expect(response.statusCode, name).toBe(201);
      expect(response.json()).toMatchObject({ name, mediaType, sha256: sha256(bytes) });
    }
  });

  it("accepts a file of exactly the limit and refuses one byte more with 413, naming the limit", async () => {
    const pdf = samplePdf();
    const padded = (size: number) => Buffer.concat([pdf, Buffer.alloc(size - pdf.length, 0x20)]);
    expect((await upload(cookies.provider!, ownBid, "precies.pdf", padded(1024 * 1024))).statusCode).toBe(201);
    const before = await fileCount();
    const response = await upload(cookies.provider!, ownBid, "te-groot.pdf", padded(1024 * 1024 + 1));
    expect(response.statusCode).toBe(413);
    // The unread rest of the body must not hold up the browser's next request on this connection.
    expect(response.headers.connection).toBe("close");
    expect(response.json()).toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      rule: "file_too_large",
      detail: "the file is larger than the limit of 1 MB",
    });
    expect(await fileCount()).toBe(before);
  });

  it("refuses what is not an accepted type by content with 415, naming what it found", async () => {
    const before = await fileCount();
    const text = await upload(cookies.provider!, ownBid, "dossier.pdf", Buffer.from("Dit is gewoon tekst.\n"));
    expect(text.statusCode).toBe(415);
    expect(text.json()).toMatchObject({
      code: "UNSUPPORTED_FILE_TYPE",
      rule: "file_type_not_allowed",
      detail: "the content is plain text, not one of PDF, DOCX, XLSX, ODT, PNG, JPEG",
    });
    const zip = await upload(cookies.provider!, ownBid, "bijlagen.zip", sampleZip(), {
      contentType: "application/pdf",
    });
    expect(zip.statusCode).toBe(415);
    expect(zip.json<{ detail: string }>().detail).toBe(
      "the content is a ZIP archive, not one of PDF, DOCX, XLSX, ODT, PNG, JPEG",
    );
    expect(await fileCount()).toBe(before);
  });

  it("refuses a name that contradicts the content, an empty file, and a body without a file", async () => {
    const before = await fileCount();
    const renamed = await upload(cookies.provider!, ownBid, "dossier.pdf", samplePng());
    expect(renamed.statusCode).toBe(415);
    expect(renamed.json()).toMatchObject({
      rule: "file_extension_mismatch",
      detail: "the name ends in .pdf but the content is a PNG file; rename it to .png",
    });
    const empty = await upload(cookies.provider!, ownBid, "leeg.pdf", Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ rule: "file_empty", errors: [{ field: "body.file" }] });
    const wrongField = await upload(cookies.provider!, ownBid, "dossier.pdf", samplePdf(), { field: "bijlage" });
    expect(wrongField.statusCode).toBe(400);
    expect(wrongField.json()).toMatchObject({ code: "VALIDATION_FAILED", errors: [{ field: "body.file" }] });
    const json = await t.app.inject({
      method: "POST",
      url: `/api/bids/${ownBid}/files`,
      payload: { file: "JVBERi0=" },
      headers: { cookie: cookies.provider! },
    });
    expect(json.statusCode).toBe(415);
    expect(await fileCount()).toBe(before);
  });

  it("refuses an upload posted from another site's page", async () => {
    const { payload, headers } = multipart("dossier.pdf", samplePdf());
    for (const site of ["cross-site", "same-site"]) {
      const response = await t.app.inject({
        method: "POST",
        url: `/api/bids/${ownBid}/files`,
        payload,
        headers: { ...headers, cookie: cookies.provider!, "sec-fetch-site": site },
      });
      expect(response.statusCode, site).toBe(403);
    }
    const own = await t.app.inject({
      method: "POST",
      url: `/api/bids/${ownBid}/files`,
      payload,
      headers: { ...headers, cookie: cookies.provider!, "sec-fetch-site": "same-origin" },
    });
    expect(own.statusCode).toBe(201);
  });

  it("leaves the rest of the API JSON-only: a multipart body elsewhere is refused", async () => {
    const { payload, headers } = multipart("dossier.pdf", samplePdf());
    const response = await t.app.inject({
      method: "POST",
      url: "/api/tenders",
      payload,
      headers: { ...headers, cookie: cookies.procurement_officer! },
    });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE" });
  });
});

describe("who sees a bid's files", () => {
  let fileId: string;
  let otherFileId: string;
  beforeAll(async () => {
    fileId = (await upload(cookies.provider!, ownBid, "zichtbaar.pdf", samplePdf())).json<{ id: string }>().id;
    otherFileId = (await upload(cookies.provider_other!, otherBid, "oost.pdf", samplePdf("Oost"))).json<{
      id: string;
    }>().id;
  });

  const staff = ["administrator", "procurement_officer", "assessor", "contract_manager", "municipality_viewer"];

  it("is hidden (404) from every staff role, another provider and another tenant before the opening", async () => {
    for (const actor of [...staff, "provider_other", "other_tenant"]) {
      expect((await get(cookies[actor]!, `/api/bids/${ownBid}/files`)).statusCode, actor).toBe(404);
      expect((await get(cookies[actor]!, `/api/files/${fileId}`)).statusCode, actor).toBe(404);
    }
    expect((await t.app.inject({ url: `/api/files/${fileId}` })).statusCode).toBe(401);
  });

  it("is not changed by another provider: upload and delete answer 404", async () => {
    expect((await upload(cookies.provider_other!, ownBid, "indringer.pdf", samplePdf())).statusCode).toBe(404);
    const remove = await t.app.inject({
      method: "DELETE",
      url: `/api/files/${fileId}`,
      headers: { cookie: cookies.provider_other! },
    });
    expect(remove.statusCode).toBe(404);
  });

  it("after the opening: officers, and assessors for their segments; nobody else", async () => {
    await t.db.query("update tenders set opened_at = $2 where id = $1", [t.demo!.tenderId, START]);
    try {
      const expected: Record<string, [number, number]> = {
        administrator: [404, 404],
        procurement_officer: [200, 200],
        assessor: [200, 404], // assigned jeugd-iaj, not wmo-logeren
        contract_manager: [404, 404],
        municipality_viewer: [404, 404],
        provider: [200, 404],
        provider_other: [404, 200],
        other_tenant: [404, 404],
      };
      for (const [actor, [own, other]] of Object.entries(expected)) {
        expect((await get(cookies[actor]!, `/api/files/${fileId}`)).statusCode, `${actor} own`).toBe(own);
        expect((await get(cookies[actor]!, `/api/bids/${ownBid}/files`)).statusCode, `${actor} own list`).toBe(own);
        expect((await get(cookies[actor]!, `/api/files/${otherFileId}`)).statusCode, `${actor} other`).toBe(other);
      }
      const officer = await get(cookies.procurement_officer!, `/api/files/${fileId}`);
      expect(officer.rawPayload.equals(samplePdf())).toBe(true);
      // After the opening nothing changes any more.
      expect((await upload(cookies.provider!, ownBid, "laat.pdf", samplePdf())).json()).toMatchObject({
        rule: "closed",
      });
    } finally {
      await t.db.query("update tenders set opened_at = null where id = $1", [t.demo!.tenderId]);
    }
  });
});

describe("removing a file and the closing time", () => {
  it("removes the own file, and audits it", async () => {
    const { id } = (await upload(cookies.provider!, ownBid, "weg.pdf", samplePdf())).json<{ id: string }>();
    const response = await t.app.inject({
      method: "DELETE",
      url: `/api/files/${id}`,
      headers: { cookie: cookies.provider! },
    });
    expect(response.statusCode).toBe(204);
    expect((await get(cookies.provider!, `/api/files/${id}`)).statusCode).toBe(404);
    const audit = await one<{ before: Record<string, unknown> }>(
      "select before from audit_log where action = 'file.delete' and entity_id = $1",
      [id],
    );
    expect(audit.before).toMatchObject({ id, bidId: ownBid });
  });

  it("keeps a file a submission names (409 file_in_submission)", async () => {
    const pdf = samplePdf("ingediend");
    const { id } = (await upload(cookies.provider!, ownBid, "ingediend.pdf", pdf)).json<{ id: string }>();
    const submission = await one<{ id: string }>(
      `insert into bid_submissions (bid_id, tender_id, version, content, sha256, submitted_at, valid_until)
       values ($1, $2, 1, '\\x00', $3, $4, '2022-05-02') returning id`,
      [ownBid, t.demo!.tenderId, "a".repeat(64), START],
    );
    await t.db.query("insert into submission_files (submission_id, file_id, sha256) values ($1, $2, $3)", [
      submission.id,
      id,
      sha256(pdf),
    ]);
    const response = await t.app.inject({
      method: "DELETE",
      url: `/api/files/${id}`,
      headers: { cookie: cookies.provider! },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: "CONFLICT", rule: "file_in_submission" });
    expect((await get(cookies.provider!, `/api/files/${id}`)).statusCode).toBe(200);
  });

  it("changes a submitted bid's files only after it is withdrawn, as its content", async () => {
    const submitted = await createBid(zorgpartners, "jeugd-gwv", "submitted");
    const refused = await upload(cookies.provider!, submitted, "dossier.pdf", samplePdf());
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ rule: "submitted" });
    await one("update bids set status = 'withdrawn' where id = $1 returning id", [submitted]);
    expect((await upload(cookies.provider!, submitted, "dossier.pdf", samplePdf())).statusCode).toBe(201);
  });

  it("lets the lead member's providers add files to the combination's bid", async () => {
    const combination = await one<{ id: string }>(
      "insert into organisations (region_id, name, legal_form, lead_member_id) values ($1, 'Coöperatie Jeugd Achterhoek', 'cooperatie', $2) returning id",
      [t.demo!.regionId, zorgpartners],
    );
    const bid = await createBid(combination.id, "wmo-logeren");
    const response = await upload(cookies.provider!, bid, "samen.pdf", samplePdf());
    expect(response.statusCode).toBe(201);
    const row = await one<{ organisation_id: string }>("select organisation_id from files where id = $1", [
      response.json<{ id: string }>().id,
    ]);
    expect(row.organisation_id).toBe(combination.id);
    expect((await upload(cookies.provider_other!, bid, "samen.pdf", samplePdf())).statusCode).toBe(404);
  });

  it("refuses uploads and removals once the closing time has passed (409 closed)", async () => {
    const { id } = (await upload(cookies.provider!, ownBid, "blijft.pdf", samplePdf())).json<{ id: string }>();
    clock.set(CLOSES);
    try {
      const before = await fileCount();
      const late = await upload(cookies.provider!, ownBid, "te-laat.pdf", samplePdf());
      expect(late.statusCode).toBe(409);
      expect(late.json()).toMatchObject({ code: "CONFLICT", rule: "closed" });
      const remove = await t.app.inject({
        method: "DELETE",
        url: `/api/files/${id}`,
        headers: { cookie: cookies.provider! },
      });
      expect(remove.statusCode).toBe(409);
      expect(remove.json()).toMatchObject({ rule: "closed" });
      expect(await fileCount()).toBe(before);
      // Closed is not opened: staff still see nothing.
      expect((await get(cookies.procurement_officer!, `/api/files/${id}`)).statusCode).toBe(404);
    } finally {
      clock.set(START);
    }
  });
});
