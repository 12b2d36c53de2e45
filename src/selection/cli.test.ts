import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { allocateCommand } from "../award/cli.ts";
import { type Io, runCommand } from "../platform/command.ts";
import { selectCommand } from "./cli.ts";
import { selectInWorker } from "./run.ts";
import { selectionInputSchema } from "./schema.ts";

const valid = {
  criteria: [
    { id: "A", weight: 30 },
    { id: "B", weight: 70 },
  ],
  scale_max: 10,
  threshold: 55,
  max_selected: 12,
  k: 2,
  bids: [
    {
      id: "B1",
      requirements_met: true,
      scores: { A: 8, B: 6 },
      subsegments: ["ondersteuning"],
      municipalities: ["GM0197", "GM0222"],
      specialisms: ["GGZ"],
    },
  ],
  lot_draw_seed: "notaris-2021-06-01",
};

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t) };
  return { out, err, io };
}

describe("the select and allocate verbs", () => {
  const dir = mkdtempSync(join(tmpdir(), "select-"));
  const file = join(dir, "in.json");

  it("prints the result JSON on stdout", async () => {
    writeFileSync(file, JSON.stringify(valid));
    const { out, io } = capture();
    expect(await runCommand("zorginkoop", selectCommand, ["--input", file], io)).toBe(0);
    const result = JSON.parse(out[0]!);
    expect(result).toMatchObject({ status: "optimal", objective: 66, selected: ["B1"] });
    expect(result.bids[0]).toMatchObject({ id: "B1", total: 66, rank: 1, eligible: true, selected: true });
  });

  it("exits 2 with nothing on stdout, naming the JSON path", async () => {
    const { out, err, io } = capture();
    writeFileSync(file, JSON.stringify({ ...valid, bids: [{ ...valid.bids[0], scores: { A: 8 } }] }));
    expect(await runCommand("zorginkoop", selectCommand, ["--input", file], io)).toBe(2);
    expect(err.join("\n")).toContain("bids[0].scores.B");
    writeFileSync(file, "{ not json");
    expect(await runCommand("zorginkoop", selectCommand, ["--input", file], io)).toBe(2);
    expect(err.at(-1)).toContain("not valid JSON");
    expect(await runCommand("zorginkoop", selectCommand, ["--input", join(dir, "none.json")], io)).toBe(2);
    expect(err.at(-1)).toContain("--input");
    expect(await runCommand("zorginkoop", selectCommand, [], io)).toBe(2);
    writeFileSync(
      file,
      JSON.stringify({ macro_budget: 10, mode: "proportional", offers: [{ provider: "P", requested: -1 }] }),
    );
    expect(await runCommand("zorginkoop", allocateCommand, ["--input", file], io)).toBe(2);
    expect(err.at(-1)).toContain("offers[0].requested");
    expect(out).toEqual([]);
  });

  it("solves in a worker thread, and the wall-clock watchdog stops a solve that runs too long", async () => {
    const input = selectionInputSchema.parse(valid);
    const done = await selectInWorker(input, { timeLimitSeconds: 30 });
    expect(done.status).toBe("optimal");
    const stopped = await selectInWorker(input, { timeLimitSeconds: 0.001, graceSeconds: 0 });
    expect(stopped.status).toBe("time_limit");
    expect(stopped.selected).toEqual([]);
    expect(stopped.bids[0]!.reason_code).toBe("NOT_DECIDED");
  });
});
