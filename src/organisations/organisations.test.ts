import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../accounts/store.ts";
import { loadDemo } from "../demo/load.ts";
import { DEMO, loginCookie, type TestContext, testClock, testContext } from "../platform/testing.ts";
import { createRegion } from "../region/store.ts";

const clock = testClock("2021-09-15T10:00:00Z");
let t: TestContext;
let provider: string;
let officer: string;
let otherTenant: string;
beforeAll(async () => {
  t = await testContext({ clock });
  provider = await loginCookie(t.app, DEMO.provider);
  officer = await loginCookie(t.app, DEMO.procurement_officer);
  const system = { id: null, label: "test" };
  const regionId = await t.db.transaction((tx) =>
    createRegion(
      tx,
      { slug: "twente", name: "Sociaal Domein Twente", municipalities: [{ cbsCode: "GM0153", name: "Enschede" }] },
      system,
      clock.now(),
    ),
  );
  await t.db.transaction((tx) =>
    createUser(
      tx,
      regionId,
      { email: "inkoop@twente.example", name: "Inkoop", role: "procurement_officer", password: "Twente-wachtwoord-1" },
      system,
      clock.now(),
    ),
  );
  otherTenant = await loginCookie(t.app, "inkoop@twente.example", "Twente-wachtwoord-1");
});
afterAll(async () => t?.close());

const get = (url: string, cookie: string) => t.app.inject({ url, headers: { cookie } });
const send = (method: "POST" | "PATCH", url: string, payload: object, cookie?: string) =>
  t.app.inject({ method, url, payload, headers: cookie ? { cookie } : {} });

let serial = 0;
const registration = (over: { organisation?: object; user?: object; regionSlug?: string } = {}) => {
  serial += 1;
  return {
    regionSlug: over.regionSlug ?? "achterhoek",
    organisation: {
      name: `Thuiszorg Berkelland ${serial}`,
      legalForm: "stichting",
      kvkNumber: String(52000000 + serial),
      ...over.organisation,
    },
    user: {
      name: "Petra Aanbieder",
      email: `petra${serial}@thuiszorg-berkelland.example`,
      password: "Zorg-in-de-wijk-2022",
      ...over.user,
    },
  };
};
const register = (body: object) => send("POST", "/api/register", body);

async function counts() {
  const [row] = await t.db.query<{ organisations: number; users: number; audit: number }>(
    `select (select count(*) from organisations) as organisations, (select count(*) from users) as users,
            (select count(*) from audit_log) as audit`,
  );
  return row!;
}

/** The request was refused naming exactly this field, and nothing was written. */
async function refusedAt(body: object, status: number, field: string) {
  const before = await counts();
  const response = await register(body);
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers["content-type"]).toContain("application/problem+json");
  expect(response.json().errors.map((e: { field: string }) => e.field)).toEqual([field]);
  expect(await counts()).toEqual(before);
  return response.json();
}

describe("a provider registers itself", () => {
  it("creates the organisation and its first provider user, who can then log in and sees the organisation", async () => {
    const body = registration({ organisation: { legalForm: "bv", agbCode: "98000123" } });
    const response = await register(body);
    expect(response.statusCode, response.body).toBe(201);
    const { organisationId, userId } = response.json();
    const cookie = await loginCookie(t.app, body.user.email, body.user.password);
    const me = (await get("/api/me", cookie)).json();
    expect(me.user).toMatchObject({ id: userId, role: "provider", organisationId });
    const mine = (await get("/api/organisations/mine", cookie)).json();
    expect(mine).toEqual({
      id: organisationId,
      name: body.organisation.name,
      legalForm: "bv",
      kvkNumber: body.organisation.kvkNumber,
      agbCode: "98000123",
      address: null,
      contacts: [],
      combinations: [],
    });
    const audit = await t.db.query<{ action: string; entity_id: string; after: { password?: string } }>(
      "select action, entity_id, after from audit_log where entity_id in ($1, $2) order by seq",
      [organisationId, userId],
    );
    expect(audit.map((a) => a.action)).toEqual(["organisation.register", "user.create", "user.login"]);
    expect(JSON.stringify(audit)).not.toContain(body.user.password);
  });

  it("refuses a KvK number that is not 8 digits, or 00000000, naming the field", async () => {
    for (const kvkNumber of ["1234567", "123456789", "1234567x", "00000000"]) {
      await refusedAt(registration({ organisation: { kvkNumber } }), 400, "body.organisation.kvkNumber");
    }
  });

  it("refuses an AGB code that is not 8 digits", async () => {
    await refusedAt(registration({ organisation: { agbCode: "981" } }), 400, "body.organisation.agbCode");
  });

  it("refuses a legal form outside the list, and a combination's form for a single provider", async () => {
    await refusedAt(registration({ organisation: { legalForm: "nv" } }), 400, "body.organisation.legalForm");
    const problem = await refusedAt(
      registration({ organisation: { legalForm: "consortium" } }),
      400,
      "body.organisation.legalForm",
    );
    expect(problem.errors[0].message).toContain("combination");
  });

  it("refuses a KvK number already registered in the region with 409 naming the field", async () => {
    const problem = await refusedAt(
      registration({ organisation: { kvkNumber: "41087234" } }), // Zorgpartners Achterhoek's
      409,
      "body.organisation.kvkNumber",
    );
    expect(problem).toMatchObject({ code: "DUPLICATE", detail: expect.stringContaining("41087234") });
  });

  it("accepts the same KvK number in another region: each region keeps its own register", async () => {
    const response = await register(registration({ regionSlug: "twente", organisation: { kvkNumber: "41087234" } }));
    expect(response.statusCode, response.body).toBe(201);
  });

  it("refuses an e-mail address that already has an account, an unknown region and a short password", async () => {
    await refusedAt(registration({ user: { email: DEMO.provider_other } }), 409, "body.user.email");
    await refusedAt(registration({ user: { email: "geen-adres" } }), 400, "body.user.email");
    await refusedAt(registration({ regionSlug: "nergens" }), 400, "body.regionSlug");
    await refusedAt(registration({ user: { password: "kort" } }), 400, "body.user.password");
  });

  it("is rate-limited like the login", async () => {
    const limited = await testContext({ demo: false, config: { loginRateLimit: 2 } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 3; i++) {
        const response = await limited.app.inject({ method: "POST", url: "/api/register", payload: registration() });
        codes.push(response.statusCode);
      }
      expect(codes).toEqual([400, 400, 429]); // no region in an empty database, then the limit
    } finally {
      await limited.close();
    }
  });
});

describe("the provider's own organisation", () => {
  it("shows the demo organisation's legal form, KvK number, AGB code and contact", async () => {
    const mine = (await get("/api/organisations/mine", provider)).json();
    expect(mine).toMatchObject({
      name: "Zorgpartners Achterhoek",
      legalForm: "stichting",
      kvkNumber: "41087234",
      agbCode: "98104572",
      contacts: [{ email: "contract@zorgpartners.example" }],
    });
  });

  it("changes address and contacts, recorded in the audit chain", async () => {
    const contacts = [
      { name: "Anke Wolters", role: "Contractmanager", email: "contract@zorgpartners.example", phone: "0314 000 101" },
      { name: "Bas Kremer", email: "kwaliteit@zorgpartners.example" },
    ];
    const response = await send(
      "PATCH",
      "/api/organisations/mine",
      { address: "Postbus 12, Doetinchem", contacts },
      provider,
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      address: "Postbus 12, Doetinchem",
      contacts: [contacts[0], { name: "Bas Kremer", role: "", email: "kwaliteit@zorgpartners.example", phone: "" }],
    });
    const [entry] = await t.db.query<{ action: string; actor: string }>(
      "select action, actor from audit_log order by seq desc limit 1",
    );
    expect(entry).toEqual({ action: "organisation.update", actor: DEMO.provider });
  });

  it("refuses a contact without a valid e-mail address, naming the contact", async () => {
    const response = await send(
      "PATCH",
      "/api/organisations/mine",
      {
        contacts: [
          { name: "Anke", email: "contract@zorgpartners.example" },
          { name: "Bas", email: "bas@" },
        ],
      },
      provider,
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { field: string }) => e.field)).toEqual(["body.contacts.1.email"]);
  });

  it("refuses a bad KvK number, another organisation's KvK number and a combination's legal form", async () => {
    const bad = await send("PATCH", "/api/organisations/mine", { kvkNumber: "4108723" }, provider);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe("body.kvkNumber");
    const taken = await send("PATCH", "/api/organisations/mine", { kvkNumber: "73529016" }, provider);
    expect(taken.statusCode).toBe(409);
    expect(taken.json().errors[0].field).toBe("body.kvkNumber");
    const form = await send("PATCH", "/api/organisations/mine", { legalForm: "cooperatie" }, provider);
    expect(form.statusCode).toBe(400);
    expect(form.json().errors[0].field).toBe("body.legalForm");
    expect((await get("/api/organisations/mine", provider)).json()).toMatchObject({
      kvkNumber: "41087234",
      legalForm: "stichting",
    });
  });

  it("is the provider's only: staff have no own organisation", async () => {
    expect((await get("/api/organisations/mine", officer)).statusCode).toBe(403);
  });
});

describe("the region's organisations, for staff", () => {
  it("lists legal form, KvK number, AGB code and whether it is a combination", async () => {
    const combination = await send(
      "POST",
      "/api/combinations",
      { name: "Coöperatie Jeugd", legalForm: "cooperatie" },
      provider,
    );
    expect(combination.statusCode).toBe(201);
    const list = (await get("/api/organisations", officer)).json<
      {
        name: string;
        legalForm: string | null;
        kvkNumber: string | null;
        agbCode: string | null;
        isCombination: boolean;
      }[]
    >();
    const byName = Object.fromEntries(list.map((o) => [o.name, o]));
    expect(byName["Zorgpartners Achterhoek"]).toMatchObject({
      legalForm: "stichting",
      kvkNumber: "41087234",
      agbCode: "98104572",
      isCombination: false,
    });
    expect(byName["Jeugdhulp Oost B.V."]).toMatchObject({ legalForm: "bv", kvkNumber: "73529016", agbCode: null });
    expect(byName["Coöperatie Jeugd"]).toMatchObject({ legalForm: "cooperatie", isCombination: true });
  });

  it("shows another tenant none of them", async () => {
    const list = (await get("/api/organisations", otherTenant)).json<{ name: string }[]>();
    expect(list.map((o) => o.name)).not.toContain("Zorgpartners Achterhoek");
  });
});

describe("the demo organisations", () => {
  it("get their details once in a region loaded before organisations had them, and a second load changes nothing", async () => {
    await t.db.query(
      "update organisations set legal_form = null, kvk_number = null, contacts = '[]' where name = 'Jeugdhulp Oost B.V.'",
    );
    const first = await loadDemo(t.db, clock.now());
    expect(first.loaded).toBe(true);
    const list = (await get("/api/organisations", officer)).json<{ name: string; kvkNumber: string | null }[]>();
    expect(list.find((o) => o.name === "Jeugdhulp Oost B.V.")).toMatchObject({
      legalForm: "bv",
      kvkNumber: "73529016",
    });
    const [seq] = await t.db.query<{ n: number }>("select max(seq) as n from audit_log");
    const second = await loadDemo(t.db, clock.now());
    expect(second.loaded).toBe(false);
    expect((await t.db.query<{ n: number }>("select max(seq) as n from audit_log"))[0]).toEqual(seq);
  });
});
