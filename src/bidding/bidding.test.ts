// The whole life of a bid through the API, with the server's clock moved by the test: register,
// start, save, see what is missing, submit with a receipt whose hash is that of the stored bytes,
// withdraw, resubmit, and after the two-officer opening the last version is what counts.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, loginCookie, type TestContext, testClock, testContext } from "../platform/testing.ts";
import type { BidContent } from "./content.ts";
import type { BidView, Receipt, SubmissionDocument } from "./submission.ts";
import { addBidFile, addCriterion, addRequirement, clearAsks, identify, openForBids } from "./test-support.ts";

const clock = testClock("2021-05-01T10:00:00Z");
const CLOSES = "2021-06-30T10:00:00.000Z"; // 12:00 in Amsterdam
const SECRET = "Ons geheime werkwijze-recept 7Q3X";

let t: TestContext;
let provider: string;
let officer: string;
let officer2: string;
let tenderId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await testContext({ clock });
  provider = await loginCookie(t.app, DEMO.provider);
  officer = await loginCookie(t.app, DEMO.procurement_officer);
  officer2 = await loginCookie(t.app, DEMO.procurement_officer_2);
  tenderId = t.demo!.tenderId;
  await clearAsks(t.db, tenderId);
  const q = (sql: string, params: unknown[] = []) => t.db.query<{ id: string }>(sql, params);
  const code = async (table: string, c: string) =>
    (await q(`select id from ${table} where code = $1 and tender_id = $2`, [c, tenderId]))[0]!.id;
  ids.iaj = await code("segments", "jeugd-iaj");
  ids.gwv = await code("segments", "jeugd-gwv");
  ids.behandeling = await code("subsegments", "iaj-behandeling");
  ids.spoed = await code("subsegments", "iaj-ambulante-spoedhulp");
  ids.otherSub = (await q("select id from subsegments where segment_id = $1 limit 1", [ids.gwv]))[0]!.id;
  ids.jeugd = await code("lots", "jeugd");
  ids.doetinchem = (await q("select id from municipalities where cbs_code = 'GM0222'"))[0]!.id;
  ids.aalten = (await q("select id from municipalities where cbs_code = 'GM0197'"))[0]!.id;
  ids.general = await addRequirement(t.db, tenderId, { code: "ALG-1" });
  ids.lotReq = await addRequirement(t.db, tenderId, { code: "JGD-1", lotId: ids.jeugd });
  ids.subReq = await addRequirement(t.db, tenderId, { code: "BEH-1", subsegmentId: ids.behandeling });
  ids.refReq = await addRequirement(t.db, tenderId, {
    code: "REF-1",
    kind: "reference",
    minClients: 50,
    segmentId: ids.iaj,
  });
  ids.gwvReq = await addRequirement(t.db, tenderId, { code: "GWV-1", segmentId: ids.gwv });
  ids.critA = await addCriterion(t.db, tenderId, ids.iaj, "A", 60);
  ids.critB = await addCriterion(t.db, tenderId, ids.iaj, "B", 40);
  ids.gwvCrit = await addCriterion(t.db, tenderId, ids.gwv, "A", 100);
});
afterAll(async () => t?.close());

/** Moves the server's clock and logs in again (sessions last an hour of that clock). */
async function moveTo(iso: string) {
  clock.set(iso);
  provider = await loginCookie(t.app, DEMO.provider);
  officer = await loginCookie(t.app, DEMO.procurement_officer);
  officer2 = await loginCookie(t.app, DEMO.procurement_officer_2);
}

const get = (url: string, cookie = provider) => t.app.inject({ url, headers: { cookie } });
const send = (method: "POST" | "PUT", url: string, payload?: object, cookie = provider) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

const complete = (): BidContent => ({
  subsegmentIds: [ids.behandeling!],
  municipalityIds: [ids.doetinchem!, ids.aalten!],
  specialisms: ["trauma"],
  requirementAnswers: [
    { requirementId: ids.general!, met: true, evidence: "HKZ-certificaat", fileIds: [] },
    { requirementId: ids.lotReq!, met: true, evidence: "Jeugdwet-registratie", fileIds: [] },
    { requirementId: ids.subReq!, met: false, evidence: "", fileIds: [] },
  ],
  dossier: [
    { criterionId: ids.critA!, text: SECRET, fileIds: [] },
    { criterionId: ids.critB!, text: "Lokale binding", fileIds: [] },
  ],
  references: [
    { client: "Gemeente Aalten", description: "Ambulante jeugdhulp", clientsServed: 75, period: "2019–2020" },
  ],
  subcontractors: [],
});

let bidId: string;
let receipt: Receipt;

describe("before publication", () => {
  it("refuses to start a bid, naming the rule", async () => {
    const response = await send("POST", `/api/tenders/${tenderId}/bids`, { segmentId: ids.iaj });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ rule: "not_published" });
  });
});

describe("a provider's bid, from registration to receipt", () => {
  beforeAll(async () => {
    await openForBids(t.db, tenderId, { publishedAt: "2021-04-01T08:00:00Z", closesAt: CLOSES });
    // A provider that has not filled in its KvK number and legal form yet (the demo's has).
    await t.db.query(
      "update organisations set kvk_number = null, legal_form = null where name = 'Zorgpartners Achterhoek'",
    );
  });

  it("registers once; a second registration changes nothing", async () => {
    const first = await send("POST", `/api/tenders/${tenderId}/registrations`);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ tenderId, registeredAt: "2021-05-01T10:00:00.000Z" });
    await moveTo("2021-05-01T10:05:00Z");
    const again = await send("POST", `/api/tenders/${tenderId}/registrations`);
    expect(again.statusCode).toBe(200);
    expect(again.json().registeredAt).toBe("2021-05-01T10:00:00.000Z");
  });

  it("shows the window by the server's clock and every segment without a bid yet", async () => {
    const mine = (await get(`/api/tenders/${tenderId}/my-bids`)).json();
    expect(mine).toMatchObject({
      closesAt: CLOSES,
      serverTime: "2021-05-01T10:05:00.000Z",
      open: true,
      registered: true,
      bidValidDays: 90,
      actingAs: [{ name: "Zorgpartners Achterhoek", isCombination: false }],
    });
    expect(mine.segments).toHaveLength(7);
    expect(mine.segments.every((s: { bid: unknown }) => s.bid === null)).toBe(true);
  });

  it("starts a draft bid that lists everything still missing", async () => {
    const response = await send("POST", `/api/tenders/${tenderId}/bids`, { segmentId: ids.iaj });
    expect(response.statusCode).toBe(201);
    const bid = response.json<BidView>();
    bidId = bid.id;
    expect(bid).toMatchObject({ status: "draft", segmentId: ids.iaj, bidderName: "Zorgpartners Achterhoek" });
    expect(bid.completeness.complete).toBe(false);
    expect(bid.completeness.missing.map((m) => m.field)).toEqual([
      "subsegmentIds",
      "municipalityIds",
      `requirementAnswers.${ids.general}`,
      `requirementAnswers.${ids.lotReq}`,
      `references.${ids.refReq}`,
      `dossier.${ids.critA}`,
      `dossier.${ids.critB}`,
      "bidder.kvkNumber",
      "bidder.legalForm",
    ]);
  });

  it("refuses a second bid of the same bidder on the segment", async () => {
    const response = await send("POST", `/api/tenders/${tenderId}/bids`, { segmentId: ids.iaj });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: "CONFLICT", rule: "one_bid_per_segment" });
  });

  it("refuses a bidder the caller may not act for, and a segment of no tender of it", async () => {
    const [other] = await t.db.query<{ id: string }>("select id from organisations where name = 'Jeugdhulp Oost B.V.'");
    const foreign = await send("POST", `/api/tenders/${tenderId}/bids`, { segmentId: ids.gwv, bidderId: other!.id });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors).toEqual([{ field: "body.bidderId", message: expect.any(String) }]);
    const segment = await send("POST", `/api/tenders/${tenderId}/bids`, { segmentId: ids.jeugd });
    expect(segment.json().errors[0].field).toBe("body.segmentId");
  });

  it("refuses content naming ids outside the bid, each with its field path, and stores nothing", async () => {
    const content = complete();
    content.subsegmentIds.push(ids.otherSub!);
    content.requirementAnswers.push({ requirementId: ids.gwvReq!, met: true, evidence: "x", fileIds: [] });
    content.dossier.push({ criterionId: ids.gwvCrit!, text: "x", fileIds: [] });
    content.dossier[0]!.fileIds.push(ids.critA!);
    const response = await send("PUT", `/api/bids/${bidId}/content`, content);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { field: string }) => e.field)).toEqual([
      "body.subsegmentIds.1",
      "body.requirementAnswers.3.requirementId",
      "body.dossier.0.fileIds.0",
      "body.dossier.2.criterionId",
    ]);
    expect((await get(`/api/bids/${bidId}`)).json<BidView>().content.dossier).toEqual([]);
  });

  it("refuses to submit while incomplete, with the missing list", async () => {
    await send("PUT", `/api/bids/${bidId}/content`, { ...complete(), references: [] });
    const response = await send("POST", `/api/bids/${bidId}/submit`);
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ rule: "incomplete" });
    expect(response.json().errors.map((e: { field: string }) => e.field)).toEqual([
      `references.${ids.refReq}`,
      "bidder.kvkNumber",
      "bidder.legalForm",
    ]);
    expect(await t.db.query("select 1 from bid_submissions")).toHaveLength(0);
  });

  it("is complete once the content and the organisation's KvK number and legal form are there", async () => {
    await identify(t.db, t.demo!.regionId, "Zorgpartners Achterhoek", "12345678", "stichting");
    const response = await send("PUT", `/api/bids/${bidId}/content`, complete());
    expect(response.statusCode).toBe(200);
    expect(response.json<BidView>().completeness).toEqual({ complete: true, missing: [] });
    expect(response.json<BidView>().content.dossier[0]!.text).toBe(SECRET);
  });

  it("submits and returns a receipt whose hash is that of exactly the stored bytes", async () => {
    const [org] = await t.db.query<{ id: string }>(
      "select id from organisations where name = 'Zorgpartners Achterhoek'",
    );
    const file = await addBidFile(
      t.db,
      t.vault,
      { id: bidId, tenderId, organisationId: org!.id, regionId: t.demo!.regionId },
      "kwaliteitshandboek.pdf",
      Buffer.from("%PDF-1.4 handboek"),
      clock.now(),
    );
    await moveTo("2021-06-30T09:59:59.999Z");
    const response = await send("POST", `/api/bids/${bidId}/submit`);
    expect(response.statusCode).toBe(201);
    receipt = response.json<Receipt>();
    expect(receipt).toMatchObject({
      bidId,
      version: 1,
      submittedAt: "2021-06-30T09:59:59.999Z",
      validUntil: "2021-09-28",
      tenderName: "Inkoop 2022",
      segmentName: "Integrale Ambulante Jeugdhulp",
      bidderName: "Zorgpartners Achterhoek",
      files: [{ id: file.id, name: "kwaliteitshandboek.pdf", sha256: file.sha256 }],
    });
    const bytes = (await get(`/api/bids/${bidId}/submissions/1`)).rawPayload;
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(receipt.sha256);
    const document = JSON.parse(bytes.toString("utf8")) as SubmissionDocument;
    expect(document).toEqual({
      tenderId,
      segmentId: ids.iaj,
      bidderId: org!.id,
      version: 1,
      submittedAt: "2021-06-30T09:59:59.999Z",
      content: complete(),
      files: [{ id: file.id, sha256: file.sha256, sizeBytes: 17, mediaType: "application/pdf" }],
    });
    // Canonical: keys sorted, no whitespace.
    expect(bytes.toString("utf8").startsWith('{"bidderId":')).toBe(true);
    const [row] = await t.db.query<{ file_id: string }>("select file_id from submission_files");
    expect(row?.file_id).toBe(file.id);
  });

  it("records the submission in the audit chain with its version and hash only", async () => {
    const entries = await t.db.query<{ after: unknown }>(
      "select after from audit_log where action = 'bid.submit' and entity_id = $1",
      [bidId],
    );
    expect(entries.map((e) => e.after)).toEqual([{ version: 1, sha256: receipt.sha256 }]);
  });

  it("shows the submission on the bid and refuses a change or a second submission until withdrawn", async () => {
    const bid = (await get(`/api/bids/${bidId}`)).json<BidView>();
    expect(bid.status).toBe("submitted");
    expect(bid.submissions).toEqual([
      {
        version: 1,
        sha256: receipt.sha256,
        submittedAt: receipt.submittedAt,
        validUntil: "2021-09-28",
        withdrawnAt: null,
      },
    ]);
    expect((await send("POST", `/api/bids/${bidId}/submit`)).json()).toMatchObject({ rule: "already_submitted" });
    expect((await send("PUT", `/api/bids/${bidId}/content`, complete())).json()).toMatchObject({ rule: "submitted" });
  });

  it("gives the receipt as a Dutch PDF that carries the SHA-256", async () => {
    const response = await get(`/api/bids/${bidId}/submissions/1/receipt.pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/pdf");
    expect(response.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    let pdftotext: string | null = null;
    try {
      pdftotext = execFileSync("sh", ["-c", "command -v pdftotext"]).toString().trim() || null;
    } catch {
      pdftotext = null;
    }
    if (!pdftotext || !existsSync(pdftotext)) return; // poppler-utils missing: the text cannot be read here
    const dir = mkdtempSync(path.join(os.tmpdir(), "receipt-"));
    try {
      const file = path.join(dir, "receipt.pdf");
      writeFileSync(file, response.rawPayload);
      const text = execFileSync(pdftotext, ["-enc", "UTF-8", "-layout", file, "-"]).toString("utf8");
      expect(text).toContain("Ontvangstbevestiging inschrijving");
      expect(text).toContain(receipt.sha256);
      expect(text).toContain("Integrale Ambulante Jeugdhulp");
      expect(text).toContain("30 juni 2021 om 11:59:59");
      expect(text).toContain("28 september 2021");
      expect(text).toContain("kwaliteitshandboek.pdf");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("withdraws, keeping the submission marked withdrawn", async () => {
    await moveTo("2021-06-30T08:00:00Z");
    const response = await send("POST", `/api/bids/${bidId}/withdraw`);
    expect(response.statusCode).toBe(200);
    const bid = response.json<BidView>();
    expect(bid.status).toBe("withdrawn");
    expect(bid.submissions[0]?.withdrawnAt).toBe("2021-06-30T08:00:00.000Z");
    expect((await send("POST", `/api/bids/${bidId}/withdraw`)).json()).toMatchObject({ rule: "not_submitted" });
  });

  it("resubmits a changed bid as version 2, which my-bids shows as the last submission", async () => {
    const changed = complete();
    changed.dossier[1]!.text = "Lokale binding, versie 2";
    expect((await send("PUT", `/api/bids/${bidId}/content`, changed)).statusCode).toBe(200);
    const response = await send("POST", `/api/bids/${bidId}/submit`);
    expect(response.statusCode).toBe(201);
    const second = response.json<Receipt>();
    expect(second.version).toBe(2);
    expect(second.sha256).not.toBe(receipt.sha256);
    const bytes = (await get(`/api/bids/${bidId}/submissions/2`)).rawPayload;
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(second.sha256);
    const segment = (await get(`/api/tenders/${tenderId}/my-bids`))
      .json()
      .segments.find((s: { segmentId: string }) => s.segmentId === ids.iaj);
    expect(segment.bid).toMatchObject({
      id: bidId,
      status: "submitted",
      lastSubmission: { version: 2, withdrawnAt: null },
    });
    // The first version is still there, byte for byte.
    const first = (await get(`/api/bids/${bidId}/submissions/1`)).rawPayload;
    expect(createHash("sha256").update(first).digest("hex")).toBe(receipt.sha256);
  });

  it("keeps no plaintext of the bid in the database", async () => {
    const needle = Buffer.from("geheime werkwijze-recept 7Q3X");
    const hits = await t.db.query<{ n: number }>(
      `select (select count(*) from bids where position($1::bytea in draft) > 0)
            + (select count(*) from bid_submissions where position($1::bytea in content) > 0)
            + (select count(*) from files where position($1::bytea in content) > 0 or position($1::bytea in meta) > 0)
            + (select count(*) from audit_log where position($2 in coalesce(after::text, '') || coalesce(before::text, '')) > 0)
         as n`,
      [needle, needle.toString("utf8")],
    );
    expect(Number(hits[0]!.n)).toBe(0);
    const names = await t.db.query<{ n: number }>(
      "select count(*) as n from audit_log where position('kwaliteitshandboek' in coalesce(after::text, '')) > 0",
    );
    expect(Number(names[0]!.n)).toBe(0);
  });
});

describe("the closing time decides", () => {
  it("refuses every change at the closing time itself and after it, naming the closing time", async () => {
    await send("POST", `/api/bids/${bidId}/withdraw`);
    for (const at of [CLOSES, "2021-06-30T10:00:00.001Z", "2021-07-01T00:00:00Z"]) {
      await moveTo(at);
      for (const [method, url, payload] of [
        ["POST", `/api/bids/${bidId}/submit`, undefined],
        ["PUT", `/api/bids/${bidId}/content`, complete()],
        ["POST", `/api/tenders/${tenderId}/bids`, { segmentId: ids.gwv }],
        ["POST", `/api/tenders/${tenderId}/registrations`, undefined],
      ] as const) {
        const response = await send(method, url, payload);
        expect(response.statusCode, `${method} ${url} at ${at}`).toBe(409);
        expect(response.json()).toMatchObject({ rule: "closed" });
        expect(response.json().detail).toContain(CLOSES);
      }
    }
    expect((await get(`/api/tenders/${tenderId}/my-bids`)).json().open).toBe(false);
  });
});

describe("the opening", () => {
  it("after two officers, the last submitted version is the one staff see", async () => {
    await moveTo("2021-06-30T09:00:00Z");
    expect((await send("POST", `/api/bids/${bidId}/submit`)).json<Receipt>().version).toBe(3);
    await moveTo("2021-06-30T10:30:00Z");
    expect((await send("POST", `/api/tenders/${tenderId}/opening`, undefined, officer)).statusCode).toBe(200);
    const opened = await send("POST", `/api/tenders/${tenderId}/opening`, undefined, officer2);
    expect(opened.json().openedAt).toBe("2021-06-30T10:30:00.000Z");
    const list = (await get(`/api/tenders/${tenderId}/bids`, officer)).json();
    expect(list.bids).toHaveLength(1);
    expect(list.bids[0]).toMatchObject({ id: bidId, version: 3, bidderName: "Zorgpartners Achterhoek" });
    expect(list.bids[0].content.dossier[1].text).toBe("Lokale binding, versie 2");
    const bid = (await get(`/api/bids/${bidId}`, officer)).json<BidView>();
    expect(bid.submissions.map((s) => s.version)).toEqual([3]);
    expect(bid.content.dossier[0]!.text).toBe(SECRET);
    expect((await get(`/api/bids/${bidId}/submissions/2`, officer)).statusCode).toBe(404);
    expect((await get(`/api/bids/${bidId}/submissions/3`, officer)).statusCode).toBe(200);
  });
});
