// The colleagues an officer can assign a question to: the region's active staff who may draft answers,
// never providers, viewers or administrators.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, loginCookie, type TestContext, testContext } from "../platform/testing.ts";

let t: TestContext;

beforeAll(async () => {
  t = await testContext({ demo: true });
});
afterAll(async () => {
  await t?.close();
});

describe("GET /api/tenders/:tenderId/qa/assignees", () => {
  it("lists the officers, assessors and contract managers of the region, and nobody else", async () => {
    const cookie = await loginCookie(t.app, DEMO.procurement_officer);
    const response = await t.app.inject({
      url: `/api/tenders/${t.demo!.tenderId}/qa/assignees`,
      headers: { cookie },
    });
    expect(response.statusCode).toBe(200);
    const emails = (response.json() as { assignees: { email: string; role: string }[] }).assignees.map((a) => a.email);
    expect(emails.sort()).toEqual(
      [DEMO.procurement_officer, DEMO.procurement_officer_2, DEMO.assessor, DEMO.contract_manager].sort(),
    );
  });

  it("answers 404 for a tender that does not exist in the region", async () => {
    const cookie = await loginCookie(t.app, DEMO.procurement_officer);
    const response = await t.app.inject({
      url: "/api/tenders/00000000-0000-4000-8000-000000000000/qa/assignees",
      headers: { cookie },
    });
    expect(response.statusCode).toBe(404);
  });

  it("refuses a provider", async () => {
    const cookie = await loginCookie(t.app, DEMO.provider);
    const response = await t.app.inject({ url: `/api/tenders/${t.demo!.tenderId}/qa/assignees`, headers: { cookie } });
    expect(response.statusCode).toBe(403);
  });
});
