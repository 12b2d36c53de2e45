import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, loginCookie, type TestContext, testContext } from "../platform/testing.ts";
import { covenantOf } from "./store.ts";
import { multipart, samplePdf, sampleZip } from "./testing.ts";

let t: TestContext;
const cookies: Record<string, string> = {};
let combinationId: string;
let zorgpartners: string;

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

async function one<R>(sql: string, params: unknown[] = []): Promise<R> {
  const [row] = await t.db.query<R>(sql, params);
  return row!;
}

function uploadCovenant(cookie: string, id: string, name: string, bytes: Buffer) {
  const { payload, headers } = multipart(name, bytes);
  return t.app.inject({
    method: "POST",
    url: `/api/combinations/${id}/covenant`,
    payload,
    headers: { ...headers, cookie },
  });
}

const download = (cookie: string, id = combinationId) =>
  t.app.inject({ url: `/api/combinations/${id}/covenant`, headers: { cookie } });

beforeAll(async () => {
  t = await testContext();
  zorgpartners = (await one<{ id: string }>("select id from organisations where name = 'Zorgpartners Achterhoek'")).id;
  const jeugdhulpOost = (await one<{ id: string }>("select id from organisations where name = 'Jeugdhulp Oost B.V.'"))
    .id;
  combinationId = (
    await one<{ id: string }>(
      "insert into organisations (region_id, name, legal_form, lead_member_id) values ($1, 'Coöperatie Jeugd Oost', 'cooperatie_io', $2) returning id",
      [t.demo!.regionId, zorgpartners],
    )
  ).id;
  await t.db.query(
    "insert into combination_members (combination_id, member_id, position) values ($1, $2, 0), ($1, $3, 1)",
    [combinationId, zorgpartners, jeugdhulpOost],
  );
  for (const [name, email] of Object.entries(DEMO)) cookies[name] = await loginCookie(t.app, email);
});
afterAll(async () => t?.close());

describe("a combination's covenant", () => {
  it("is uploaded by the lead member, sealed under the master key, and becomes the combination's covenant", async () => {
    const marker = "Samenwerkingsovereenkomst-4b1d";
    const pdf = samplePdf(marker);
    const response = await uploadCovenant(cookies.provider!, combinationId, `${marker}.pdf`, pdf);
    expect(response.statusCode, response.body).toBe(201);
    const stored = response.json<{ id: string }>();
    expect(stored).toMatchObject({ name: `${marker}.pdf`, mediaType: "application/pdf", sha256: sha256(pdf) });
    const row = await one<{
      purpose: string;
      tender_id: string | null;
      bid_id: string | null;
      organisation_id: string;
      content: Uint8Array;
      meta: Uint8Array;
    }>("select purpose, tender_id, bid_id, organisation_id, content, meta from files where id = $1", [stored.id]);
    expect(row).toMatchObject({ purpose: "covenant", tender_id: null, bid_id: null, organisation_id: combinationId });
    expect(Buffer.from(row.content).includes(marker)).toBe(false);
    expect(Buffer.from(row.meta).includes(marker)).toBe(false);
    const organisation = await one<{ covenant_file_id: string }>(
      "select covenant_file_id from organisations where id = $1",
      [combinationId],
    );
    expect(organisation.covenant_file_id).toBe(stored.id);
    expect(await covenantOf(t.db, t.vault, combinationId, new Date())).toEqual(stored);
  });

  it("is read by its members and the region's staff, with the same bytes", async () => {
    const pdf = samplePdf("Convenant");
    await uploadCovenant(cookies.provider!, combinationId, "Convenant.pdf", pdf);
    for (const actor of [
      "provider",
      "provider_other",
      "procurement_officer",
      "contract_manager",
      "municipality_viewer",
    ]) {
      const response = await download(cookies[actor]!);
      expect(response.statusCode, actor).toBe(200);
      expect(response.rawPayload.equals(pdf)).toBe(true);
      expect(response.headers["content-disposition"]).toContain('filename="Convenant.pdf"');
    }
  });

  it("replaces the covenant there was, removing the old file", async () => {
    const first = (await uploadCovenant(cookies.provider!, combinationId, "v1.pdf", samplePdf("v1"))).json<{
      id: string;
    }>();
    const second = (await uploadCovenant(cookies.provider!, combinationId, "v2.pdf", samplePdf("v2"))).json<{
      id: string;
    }>();
    expect((await t.db.query("select 1 from files where id = $1", [first.id])).length).toBe(0);
    const fileDownload = await t.app.inject({
      url: `/api/files/${second.id}`,
      headers: { cookie: cookies.contract_manager! },
    });
    expect(fileDownload.statusCode).toBe(200);
  });

  it("is changed by the lead member only: a member gets 403, another provider 404", async () => {
    const member = await uploadCovenant(cookies.provider_other!, combinationId, "mijn.pdf", samplePdf());
    expect(member.statusCode).toBe(403);
    expect(member.json()).toMatchObject({ rule: "combination_lead_only" });
    await t.db.query("delete from combination_members where member_id <> $1 and combination_id = $2", [
      zorgpartners,
      combinationId,
    ]);
    try {
      expect((await uploadCovenant(cookies.provider_other!, combinationId, "x.pdf", samplePdf())).statusCode).toBe(404);
      expect((await download(cookies.provider_other!)).statusCode).toBe(404);
    } finally {
      await t.db.query(
        "insert into combination_members (combination_id, member_id, position) select $1, id, 1 from organisations where name = 'Jeugdhulp Oost B.V.'",
        [combinationId],
      );
    }
  });

  it("is refused for a type not accepted, and kept as it was", async () => {
    const before = await one<{ covenant_file_id: string }>("select covenant_file_id from organisations where id = $1", [
      combinationId,
    ]);
    const response = await uploadCovenant(cookies.provider!, combinationId, "convenant.zip", sampleZip());
    expect(response.statusCode).toBe(415);
    const after = await one<{ covenant_file_id: string }>("select covenant_file_id from organisations where id = $1", [
      combinationId,
    ]);
    expect(after.covenant_file_id).toBe(before.covenant_file_id);
  });

  it("is not found for an organisation that is no combination, or a combination without a covenant", async () => {
    expect((await download(cookies.procurement_officer!, zorgpartners)).statusCode).toBe(404);
    const empty = await one<{ id: string }>(
      "insert into organisations (region_id, name, legal_form, lead_member_id) values ($1, 'Consortium Leeg', 'consortium', $2) returning id",
      [t.demo!.regionId, zorgpartners],
    );
    const response = await download(cookies.procurement_officer!, empty.id);
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ detail: "the combination has no covenant yet" });
  });

  it("is removed by the lead member, which clears the combination's covenant", async () => {
    const { id } = (await uploadCovenant(cookies.provider!, combinationId, "weg.pdf", samplePdf())).json<{
      id: string;
    }>();
    const asMember = await t.app.inject({
      method: "DELETE",
      url: `/api/files/${id}`,
      headers: { cookie: cookies.provider_other! },
    });
    expect(asMember.statusCode).toBe(403);
    const asLead = await t.app.inject({
      method: "DELETE",
      url: `/api/files/${id}`,
      headers: { cookie: cookies.provider! },
    });
    expect(asLead.statusCode).toBe(204);
    const organisation = await one<{ covenant_file_id: string | null }>(
      "select covenant_file_id from organisations where id = $1",
      [combinationId],
    );
    expect(organisation.covenant_file_id).toBeNull();
    expect((await download(cookies.provider!)).statusCode).toBe(404);
  });
});
