import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliHarness, cliHarness, inProcess } from "../../src/platform/cli-testing.ts";

let cli: CliHarness;
const run = (...args: string[]) => cli.run(...args);

beforeAll(async () => {
  cli = await cliHarness({ ZORGINKOOP_NOW: "2021-09-15" });
});
afterAll(async () => cli?.close());

// Each step starts a process that opens the database (PGlite: about 3 s) and the demo load writes a
// few hundred audited rows; on a busy two-core machine a step can take tens of seconds.
describe("zorginkoop", { timeout: 180_000 }, () => {
  it("runs as an installed command", async () => {
    const overview = await run("--help");
    expect(overview.code).toBe(0);
    expect(overview.stdout).toContain("Usage: zorginkoop <verb>");
    const bad = await run("tender", "show", "--colour");
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toContain("--colour");
  });

  it("explains every verb with --help", async () => {
    const overview = await inProcess("--help");
    expect(overview.code).toBe(0);
    const verbs = [...overview.stdout.matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1]!);
    const expected = ["serve", "migrate", "demo", "user", "tender", "audit", "select", "allocate", "settle", "kpi"];
    expect(verbs).toEqual(expect.arrayContaining(expected));
    for (const verb of verbs) {
      const help = await inProcess(verb, "--help");
      expect(help.code, verb).toBe(0);
      expect(help.stdout).toContain(`Usage: zorginkoop ${verb}`);
    }
  });

  it("exits 2 naming a bad argument, printing nothing on stdout", async () => {
    const cases: [string[], string][] = [
      [["tender", "show", "--colour"], "--colour"],
      [["user", "add", "--email", "a@b.example", "--role", "koning"], "--role"],
      [["user", "add", "--role", "assessor"], "--email"],
      [["user", "add", "--email", "geen-adres", "--role", "assessor"], "--email"],
      [["bestaat-niet"], "bestaat-niet"],
      [["audit", "check"], "check"],
      [["tender", "copy", "x"], "--name"],
    ];
    for (const [args, named] of cases) {
      const result = await inProcess(...args);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr, args.join(" ")).toContain(named);
    }
  });

  it("migrates, loads the demo, and a second demo changes nothing", async () => {
    expect((await run("migrate")).code).toBe(0);
    expect((await run("migrate")).stdout).toContain("Nothing to apply");
    expect((await run("demo")).stdout).toContain("Demo data loaded.");
    const before = JSON.parse((await run("audit", "verify", "--json")).stdout);
    const again = await run("demo");
    expect(again.stdout).toContain("nothing changed");
    const after = JSON.parse((await run("audit", "verify", "--json")).stdout);
    expect(after).toEqual(before);
    expect(after.ok).toBe(true);
  });

  it("shows the nested structure as JSON: 2 lots, 7 segments, 17 subsegments, 8 municipalities", async () => {
    const shown = await run("tender", "show", "--json");
    expect(shown.code).toBe(0);
    const tender = JSON.parse(shown.stdout);
    expect(tender.name).toBe("Inkoop 2022");
    expect(tender.region.name).toBe("Sociaal Domein Achterhoek");
    expect(tender.lots).toHaveLength(2);
    const segments = tender.lots.flatMap((l: { segments: unknown[] }) => l.segments);
    expect(segments).toHaveLength(7);
    expect(segments.flatMap((s: { subsegments: unknown[] }) => s.subsegments)).toHaveLength(17);
    expect(tender.municipalities.map((m: { cbsCode: string }) => m.cbsCode).sort()).toEqual(
      ["GM0197", "GM1859", "GM1876", "GM0222", "GM1955", "GM1586", "GM1509", "GM0294"].sort(),
    );
    expect(tender.timeline.status).toMatchObject({ today: "2021-09-15", currentPhase: 3 });
  });

  it("copies the tender for the re-procurement with dates cleared", async () => {
    const id = JSON.parse((await run("tender", "show", "--json")).stdout).id;
    const copied = await run("tender", "copy", id, "--name", "Inkoop 2029", "--json");
    expect(copied.code).toBe(0);
    const copy = JSON.parse(copied.stdout);
    expect(copy).toMatchObject({
      name: "Inkoop 2029",
      copiedFrom: id,
      counts: { lots: 2, segments: 7, subsegments: 17 },
    });
    expect((await run("tender", "copy", id, "--name", "Inkoop 2029")).code).toBe(2);
  });

  it("adds users with role-specific links, and refuses a missing one", async () => {
    const added = await run(
      "user",
      "add",
      "--email",
      "Beoordelaar2@achterhoek.example",
      "--role",
      "assessor",
      "--segments",
      "wmo-io,wmo-wonen",
      "--json",
    );
    expect(added.code).toBe(0);
    const user = JSON.parse(added.stdout);
    expect(user).toMatchObject({ email: "beoordelaar2@achterhoek.example", role: "assessor" });
    expect(user.segmentIds).toHaveLength(2);
    expect(user.initialPassword.length).toBeGreaterThanOrEqual(12);
    const viewer = await run(
      "user",
      "add",
      "--email",
      "winterswijk@achterhoek.example",
      "--role",
      "municipality_viewer",
      "--municipality",
      "GM0294",
    );
    expect(viewer.code).toBe(0);
    const missing = await run("user", "add", "--email", "x@achterhoek.example", "--role", "provider");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--org");
    expect((await run("user", "add", "--email", "beoordelaar2@achterhoek.example", "--role", "assessor")).code).toBe(2);
  });
});
