import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../accounts/store.ts";
import { draftAad } from "../bidding/participation.ts";
import { covenantMetaAad } from "../files/store.ts";
import { DEMO, loginCookie, type TestContext, testClock, testContext } from "../platform/testing.ts";
import { seal } from "../platform/vault.ts";
import { createRegion } from "../region/store.ts";
import * as tenders from "../tender/store.ts";

const clock = testClock("2021-09-15T10:00:00Z");
let t: TestContext;
const cookies = {} as Record<"lead" | "member" | "outsider" | "officer" | "assessor" | "otherTenant", string>;
const ids = {} as Record<"zorgpartners" | "jeugdhulp", string>;
const system = () => ({ actor: { id: null, label: "test" }, regionId: t.demo!.regionId, now: clock.now() });

beforeAll(async () => {
  t = await testContext({ clock });
  cookies.lead = await loginCookie(t.app, DEMO.provider);
  cookies.member = await loginCookie(t.app, DEMO.provider_other);
  cookies.officer = await loginCookie(t.app, DEMO.procurement_officer);
  cookies.assessor = await loginCookie(t.app, DEMO.assessor);
  const outsider = {
    regionSlug: "achterhoek",
    organisation: { name: "Wijkzorg Winterswijk", legalForm: "zzp", kvkNumber: "64000004" },
    user: { name: "Wim", email: "wim@wijkzorg.example", password: "Wijkzorg-Winterswijk-1" },
  };
  expect((await t.app.inject({ method: "POST", url: "/api/register", payload: outsider })).statusCode).toBe(201);
  cookies.outsider = await loginCookie(t.app, outsider.user.email, outsider.user.password);
  const regionId = await t.db.transaction((tx) =>
    createRegion(tx, { slug: "twente", name: "Twente", municipalities: [] }, system().actor, clock.now()),
  );
  await t.db.transaction((tx) =>
    createUser(
      tx,
      regionId,
      { email: "inkoop@twente.example", name: "Inkoop", role: "procurement_officer", password: "Twente-wachtwoord-1" },
      system().actor,
      clock.now(),
    ),
  );
  cookies.otherTenant = await loginCookie(t.app, "inkoop@twente.example", "Twente-wachtwoord-1");
  for (const [key, name] of [
    ["zorgpartners", "Zorgpartners Achterhoek"],
    ["jeugdhulp", "Jeugdhulp Oost B.V."],
  ] as const) {
    const [row] = await t.db.query<{ id: string }>("select id from organisations where name = $1", [name]);
    ids[key] = row!.id;
  }
});
afterAll(async () => t?.close());

type Who = keyof typeof cookies;
const get = (url: string, who: Who) => t.app.inject({ url, headers: { cookie: cookies[who] } });
const send = (method: "POST" | "PATCH" | "DELETE", url: string, who: Who, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie: cookies[who] }, ...(payload ? { payload } : {}) });

interface Combination {
  id: string;
  name: string;
  legalForm: string;
  kvkNumber: string | null;
  leadMemberId: string;
  members: {
    organisationId: string;
    name: string;
    kvkNumber: string | null;
    qualifications: string;
    responsibilities: string;
  }[];
  covenant: {
    fileId: string;
    name: string;
    mediaType: string;
    sizeBytes: number;
    sha256: string;
    uploadedAt: string;
  } | null;
}

let serial = 0;
async function form(who: Who = "lead", legalForm = "cooperatie"): Promise<Combination> {
  serial += 1;
  const response = await send("POST", "/api/combinations", who, { name: `Coöperatie ${serial}`, legalForm });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Combination>();
}
const addMember = (combinationId: string, kvkNumber: string, name = `Lid ${kvkNumber}`, who: Who = "lead") =>
  send("POST", `/api/combinations/${combinationId}/members`, who, {
    kvkNumber,
    name,
    qualifications: "",
    responsibilities: "",
  });
const lastSeq = async () =>
  Number((await t.db.query<{ seq: number }>("select coalesce(max(seq), 0) as seq from audit_log"))[0]!.seq);

describe("forming a combination", () => {
  it("makes the caller's organisation lead member and first member, and lists the members with their parts", async () => {
    const c = await form("lead", "cooperatie_io");
    expect(c).toMatchObject({
      legalForm: "cooperatie_io",
      kvkNumber: null,
      leadMemberId: ids.zorgpartners,
      covenant: null,
    });
    expect(c.members).toEqual([
      {
        organisationId: ids.zorgpartners,
        name: "Zorgpartners Achterhoek",
        kvkNumber: "41087234",
        qualifications: "",
        responsibilities: "",
      },
    ]);

    const added = await send("POST", `/api/combinations/${c.id}/members`, "lead", {
      kvkNumber: "61000001",
      name: "Gezinshuis De Linde",
      qualifications: "Gezinshuisouders met SKJ-registratie",
      responsibilities: "Gezinshuiszorg",
    });
    expect(added.statusCode, added.body).toBe(201);
    const linde = added.json<Combination>().members[1]!;
    expect(linde).toMatchObject({
      name: "Gezinshuis De Linde",
      kvkNumber: "61000001",
      responsibilities: "Gezinshuiszorg",
    });
    const users = await t.db.query("select 1 from users where organisation_id = $1", [linde.organisationId]);
    expect(users).toHaveLength(0); // a member named by KvK number is created without users

    // An organisation of the region with that KvK number is used as it is, under its own name.
    const withJeugdhulp = (await addMember(c.id, "73529016", "Jeugdhulp Oost")).json<Combination>();
    expect(withJeugdhulp.members.map((m) => m.name)).toEqual([
      "Zorgpartners Achterhoek",
      "Gezinshuis De Linde",
      "Jeugdhulp Oost B.V.",
    ]);

    const changed = await send("PATCH", `/api/combinations/${c.id}/members/${ids.jeugdhulp}`, "lead", {
      qualifications: "Erkend jeugdhulpaanbieder",
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json<Combination>().members[2]).toMatchObject({ qualifications: "Erkend jeugdhulpaanbieder" });

    const removed = await send("DELETE", `/api/combinations/${c.id}/members/${linde.organisationId}`, "lead");
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json<Combination>().members.map((m) => m.organisationId)).toEqual([ids.zorgpartners, ids.jeugdhulp]);

    const renamed = await send("PATCH", `/api/combinations/${c.id}`, "lead", {
      name: "Coöperatie Jeugd Achterhoek",
      legalForm: "cooperatie",
      kvkNumber: "61000009",
    });
    expect(renamed.json()).toMatchObject({
      name: "Coöperatie Jeugd Achterhoek",
      legalForm: "cooperatie",
      kvkNumber: "61000009",
    });

    const audit = await t.db.query<{ action: string }>(
      "select action from audit_log where entity = 'combination' and entity_id = $1 order by seq",
      [c.id],
    );
    expect(audit.map((a) => a.action)).toEqual([
      "combination.create",
      "combination.member_add",
      "combination.member_add",
      "combination.member_update",
      "combination.member_remove",
      "combination.update",
    ]);

    const member = (await get("/api/organisations/mine", "member")).json();
    expect(member.combinations).toContainEqual({
      id: c.id,
      name: "Coöperatie Jeugd Achterhoek",
      legalForm: "cooperatie",
      isLead: false,
    });
    const lead = (await get("/api/organisations/mine", "lead")).json();
    expect(lead.combinations).toContainEqual(expect.objectContaining({ id: c.id, isLead: true }));
  });

  it("refuses a single provider's legal form, a bad KvK number and one already registered, naming the field", async () => {
    const cases: [object, number, string][] = [
      [{ name: "Combi", legalForm: "stichting" }, 400, "body.legalForm"],
      [{ name: "Combi", legalForm: "consortium", kvkNumber: "123" }, 400, "body.kvkNumber"],
      [{ name: "Combi", legalForm: "consortium", kvkNumber: "00000000" }, 400, "body.kvkNumber"],
      [{ name: "Combi", legalForm: "consortium", kvkNumber: "73529016" }, 409, "body.kvkNumber"],
    ];
    for (const [payload, status, field] of cases) {
      const before = await lastSeq();
      const response = await send("POST", "/api/combinations", "lead", payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(status);
      expect(response.json().errors.map((e: { field: string }) => e.field)).toEqual([field]);
      expect(await lastSeq()).toBe(before);
    }
    const c = await form();
    const single = await send("PATCH", `/api/combinations/${c.id}`, "lead", { legalForm: "bv" });
    expect(single.statusCode).toBe(400);
    expect(single.json().errors[0].field).toBe("body.legalForm");
  });
});

describe("who may see and change a combination", () => {
  let c: Combination;
  beforeAll(async () => {
    c = await form();
    expect((await addMember(c.id, "73529016")).statusCode).toBe(201);
  });

  it("shows it to its members' users and to the region's staff", async () => {
    for (const who of ["lead", "member", "officer", "assessor"] as const) {
      const response = await get(`/api/combinations/${c.id}`, who);
      expect(response.statusCode, who).toBe(200);
      expect(response.json<Combination>().id).toBe(c.id);
    }
  });

  it("does not show it to a provider that is no member, nor to another tenant: not found, as if absent", async () => {
    for (const who of ["outsider", "otherTenant"] as const) {
      const response = await get(`/api/combinations/${c.id}`, who);
      expect(response.statusCode, who).toBe(404);
      expect(response.json().code).toBe("NOT_FOUND");
    }
    expect((await send("PATCH", `/api/combinations/${c.id}`, "outsider", { name: "Overgenomen" })).statusCode).toBe(
      404,
    );
    expect((await addMember(c.id, "64000005", "Indringer", "outsider")).statusCode).toBe(404);
    expect((await get(`/api/combinations/${randomUUID()}`, "lead")).statusCode).toBe(404);
    // A single provider is not a combination.
    expect((await get(`/api/combinations/${ids.zorgpartners}`, "officer")).statusCode).toBe(404);
  });

  it("lets only the lead member's users change it", async () => {
    const before = await lastSeq();
    const attempts = [
      await send("PATCH", `/api/combinations/${c.id}`, "member", { name: "Overgenomen" }),
      await addMember(c.id, "64000006", "Nieuw lid", "member"),
      await send("PATCH", `/api/combinations/${c.id}/members/${ids.zorgpartners}`, "member", { responsibilities: "-" }),
      await send("DELETE", `/api/combinations/${c.id}/members/${ids.zorgpartners}`, "member"),
    ];
    for (const response of attempts) {
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ code: "FORBIDDEN", rule: "lead_member_only" });
    }
    expect((await send("PATCH", `/api/combinations/${c.id}`, "officer", { name: "Door inkoop" })).statusCode).toBe(403);
    expect(await lastSeq()).toBe(before);
  });

  it("keeps the lead member, refuses duplicates and combinations as members", async () => {
    const lead = await send("DELETE", `/api/combinations/${c.id}/members/${ids.zorgpartners}`, "lead");
    expect(lead.statusCode).toBe(409);
    expect(lead.json().rule).toBe("lead_member_required");
    const twice = await addMember(c.id, "73529016");
    expect(twice.statusCode).toBe(409);
    expect(twice.json().errors[0].field).toBe("body.kvkNumber");
    const other = await send("POST", "/api/combinations", "lead", {
      name: "Consortium Wmo",
      legalForm: "consortium",
      kvkNumber: "65000005",
    });
    const nested = await addMember(c.id, "65000005");
    expect(other.statusCode).toBe(201);
    expect(nested.statusCode).toBe(409);
    expect(nested.json().errors[0].field).toBe("body.kvkNumber");
    expect((await addMember(c.id, "00000000")).statusCode).toBe(400);
    const notMember = await send("DELETE", `/api/combinations/${c.id}/members/${randomUUID()}`, "lead");
    expect(notMember.statusCode).toBe(404);
  });

  it("hands the lead to another member, whose users then change it, and not to an outsider", async () => {
    const outsider = await send("PATCH", `/api/combinations/${c.id}`, "lead", { leadMemberId: randomUUID() });
    expect(outsider.statusCode).toBe(400);
    expect(outsider.json().errors[0].field).toBe("body.leadMemberId");
    const handed = await send("PATCH", `/api/combinations/${c.id}`, "lead", { leadMemberId: ids.jeugdhulp });
    expect(handed.json()).toMatchObject({ leadMemberId: ids.jeugdhulp });
    expect((await send("PATCH", `/api/combinations/${c.id}`, "lead", { name: "Terug" })).statusCode).toBe(403);
    expect((await send("PATCH", `/api/combinations/${c.id}`, "member", { name: "Coöperatie Oost" })).statusCode).toBe(
      200,
    );
  });
});

describe("the covenant", () => {
  it("describes the draft covenant file without its bytes", async () => {
    const c = await form();
    const fileId = randomUUID();
    await t.db.query(
      `insert into files (id, region_id, organisation_id, purpose, meta, media_type, size_bytes, sha256, content, uploaded_at)
       values ($1, $2, $3, 'covenant', $4, 'application/pdf', 1234, $5, $6, $7)`,
      [
        fileId,
        t.demo!.regionId,
        c.id,
        t.vault.sealDirect(
          Buffer.from(JSON.stringify({ name: "Samenwerkingsovereenkomst concept.pdf" })),
          covenantMetaAad(fileId),
        ),
        "a".repeat(64),
        t.vault.sealDirect(Buffer.from("%PDF-1.7"), `covenant:${fileId}`),
        clock.now().toISOString(),
      ],
    );
    await t.db.query("update organisations set covenant_file_id = $2 where id = $1", [c.id, fileId]);
    const shown = (await get(`/api/combinations/${c.id}`, "officer")).json<Combination>();
    expect(shown.covenant).toEqual({
      fileId,
      name: "Samenwerkingsovereenkomst concept.pdf",
      mediaType: "application/pdf",
      sizeBytes: 1234,
      sha256: "a".repeat(64),
      uploadedAt: clock.now().toISOString(),
    });
  });
});

describe("a combination that already bids keeps to the who-may-bid rules", () => {
  let tenderSerial = 0;
  /** A fresh tender with two segments, so that each case starts without bids. */
  async function freshTender(): Promise<{ tenderId: string; segments: [string, string] }> {
    tenderSerial += 1;
    return t.db.transaction(async (tx) => {
      const change = system();
      const tenderId = await tenders.createTender(
        tx,
        {
          name: `Inkoop regels ${tenderSerial}`,
          reference: null,
          procedure: "restricted",
          regime: "light",
          electronicSubmission: true,
          announced: { participationDays: null, tenderDays: null, standstillDays: null },
          contract: { initialYears: 3, extensions: 2, extensionYears: 2 },
        },
        change,
      );
      const lotId = await tenders.createLot(tx, tenderId, { code: "jeugd", name: "Jeugd", position: 0 }, change);
      const segment = (code: string, position: number) =>
        tenders.createSegment(
          tx,
          tenderId,
          lotId,
          {
            code,
            name: code,
            formerName: null,
            financing: "lumpsum",
            contractStart: null,
            selectMin: null,
            selectMax: null,
            position,
          },
          change,
        );
      return { tenderId, segments: [await segment("iaj", 0), await segment("gwv", 1)] };
    });
  }

  /** A bid row as the bidding module keeps it; with subcontractors, its draft is sealed as bidding seals it. */
  async function bid(
    tenderId: string,
    segmentId: string,
    bidderId: string,
    options: { status?: "draft" | "withdrawn"; subcontractorKvks?: string[] } = {},
  ): Promise<void> {
    await t.db.transaction(async (tx) => {
      const [row] = await tx.query<{ id: string }>(
        `insert into bids (tender_id, segment_id, bidder_id, status, draft, created_at, updated_at)
         values ($1, $2, $3, $4, null, $5, $5) returning id`,
        [tenderId, segmentId, bidderId, options.status ?? "draft", clock.now().toISOString()],
      );
      if (options.subcontractorKvks) {
        const key = await t.vault.tenderKey(tx, tenderId, clock.now());
        const content = {
          subcontractors: options.subcontractorKvks.map((kvkNumber) => ({
            kvkNumber,
            name: "Onderaannemer",
            role: "",
          })),
        };
        await tx.query("update bids set draft = $2 where id = $1", [
          row!.id,
          seal(key, Buffer.from(JSON.stringify(content)), draftAad(row!.id)),
        ]);
      }
    });
  }

  /** Refused with 409 naming the rule, and nothing written: no member added, no audit entry. */
  async function refused(attempt: () => Promise<{ statusCode: number; json(): { rule?: string } }>, rule: string) {
    const before = await lastSeq();
    const members = await t.db.query("select * from combination_members order by combination_id, member_id");
    const response = await attempt();
    expect(response.statusCode).toBe(409);
    expect(response.json().rule).toBe(rule);
    expect(await lastSeq()).toBe(before);
    expect(await t.db.query("select * from combination_members order by combination_id, member_id")).toEqual(members);
  }

  it("refuses a member that bids alone in a tender where the combination bids (alone_and_in_combination)", async () => {
    const { tenderId, segments } = await freshTender();
    const c = await form();
    await bid(tenderId, segments[0], c.id);
    await bid(tenderId, segments[1], ids.jeugdhulp);
    await refused(() => addMember(c.id, "73529016"), "alone_and_in_combination");
  });

  it("admits that member once its own bid is withdrawn", async () => {
    const { tenderId, segments } = await freshTender();
    const c = await form();
    await bid(tenderId, segments[0], c.id);
    await bid(tenderId, segments[1], ids.jeugdhulp, { status: "withdrawn" });
    expect((await addMember(c.id, "73529016")).statusCode).toBe(201);
  });

  it("refuses a member of another combination bidding in the same tender (two_combinations)", async () => {
    const { tenderId, segments } = await freshTender();
    const mine = await form("lead");
    const theirs = await form("member", "consortium");
    expect((await addMember(theirs.id, "66000006", "Gezinshuis De Eik", "member")).statusCode).toBe(201);
    await bid(tenderId, segments[0], mine.id);
    await bid(tenderId, segments[1], theirs.id);
    await refused(() => addMember(mine.id, "66000006"), "two_combinations");
  });

  it("lets a provider join a second combination that does not bid where the first one does", async () => {
    const { tenderId, segments } = await freshTender();
    const mine = await form("lead");
    const theirs = await form("member", "consortium");
    expect((await addMember(theirs.id, "67000007", "Gezinshuis De Beuk", "member")).statusCode).toBe(201);
    await bid(tenderId, segments[1], theirs.id);
    expect((await addMember(mine.id, "67000007")).statusCode).toBe(201);
  });

  it("lets only one of two simultaneous additions of the same provider to two bidding combinations pass", async () => {
    const { tenderId, segments } = await freshTender();
    const mine = await form("lead");
    const theirs = await form("member", "consortium");
    await bid(tenderId, segments[0], mine.id);
    await bid(tenderId, segments[1], theirs.id);
    const [registered] = await t.db.query<{ id: string }>(
      "select id from organisations where kvk_number = '64000004'", // Wijkzorg Winterswijk, the outsider
    );
    const answers = await Promise.all([
      addMember(mine.id, "64000004"),
      addMember(theirs.id, "64000004", "Wijkzorg", "member"),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    expect(answers.find((a) => a.statusCode === 409)!.json().rule).toBe("two_combinations");
    const memberships = await t.db.query("select 1 from combination_members where member_id = $1", [registered!.id]);
    expect(memberships).toHaveLength(1);
  });

  it("refuses a member named as subcontractor in that tender, read from the sealed draft (subcontractor_as_main)", async () => {
    const { tenderId, segments } = await freshTender();
    const c = await form();
    await bid(tenderId, segments[0], c.id);
    await bid(tenderId, segments[1], ids.jeugdhulp, { subcontractorKvks: ["68000008"] });
    await refused(() => addMember(c.id, "68000008", "Ambulant Team Oost"), "subcontractor_as_main");
    // Taking a named subcontractor's KvK number is refused the same way.
    await refused(
      () => send("PATCH", "/api/organisations/mine", "lead", { kvkNumber: "68000008" }),
      "subcontractor_as_main",
    );
    expect((await get("/api/organisations/mine", "lead")).json().kvkNumber).toBe("41087234");
  });
});
