// The tender verb: list, show (the nested structure and timeline) and copy (the re-procurement).
import { withRuntime } from "../platform/cli.ts";
import { type Command, EXIT_OK, type Io, requireString, UsageError } from "../platform/command.ts";
import type { Sql } from "../platform/db.ts";
import { AppError } from "../platform/errors.ts";
import { getRegion, RegionNotFound, resolveRegion } from "../region/store.ts";
import { loadTimeline } from "./planning.ts";
import * as store from "./store.ts";
import type { Tender } from "./types.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function findTender(db: Sql, regionId: string, ref: string | undefined, io: Io): Promise<string> {
  const all = await store.listTenders(db, regionId);
  if (ref === undefined) {
    const first = all[0];
    if (!first) throw new UsageError("there is no tender in this region yet");
    if (all.length > 1)
      io.err(
        `Showing ${first.name}; ${all.length - 1} more: ${all
          .slice(1)
          .map((t) => `${t.name} (${t.id})`)
          .join(", ")}.`,
      );
    return first.id;
  }
  const found = all.find((t) => t.id === ref || t.name === ref);
  if (!found)
    throw new UsageError(
      `ID: no tender '${ref}' in this region${UUID.test(ref) ? "" : " (give its id or exact name)"}`,
    );
  return found.id;
}

function printTree(tender: Tender, io: Io) {
  const financing = { lumpsum: "lumpsum", population_budget: "populatiebekostiging", pxq: "PxQ" } as const;
  const select = (n: Tender["lots"][number]["segments"][number]["numberToSelect"]) =>
    n.min === null && n.max === null
      ? "number to select not set"
      : n.min === n.max
        ? `select ${n.min}`
        : `select ${n.min ?? "?"}–${n.max ?? "?"}`;
  io.out(`${tender.name} (${tender.id})`);
  io.out(
    `  ${tender.procedure} procedure, ${tender.regime} regime; contracts ${tender.contract.initialYears} + ${tender.contract.extensions} × ${tender.contract.extensionYears} years`,
  );
  io.out(`  Municipalities: ${tender.municipalities.map((m) => `${m.name} ${m.cbsCode}`).join(", ")}`);
  for (const lot of tender.lots) {
    io.out(`  Perceel ${lot.name}`);
    for (const s of lot.segments) {
      io.out(
        `    ${s.name} [${s.code}]: ${financing[s.financing]}, start ${s.contractStart ?? "not set"}, ${select(s.numberToSelect)}`,
      );
      for (const ss of s.subsegments) {
        io.out(`      ${ss.name} [${ss.code}]${ss.financingOverride ? `: ${financing[ss.financingOverride]}` : ""}`);
      }
    }
  }
}

export const tenderCommand: Command = {
  name: "tender",
  summary: "list | show [ID] | copy ID --name NAME: tenders with their lots, segments, subsegments and timeline",
  args: "list | show [ID] | copy ID",
  options: {
    json: { type: "boolean", description: "print JSON" },
    name: { type: "string", description: "copy: the new tender's name, e.g. 'Inkoop 2029'" },
    region: { type: "string", description: "region slug (needed when there are several)" },
  },
  async run({ values, positionals }, io) {
    const [sub, ref, ...extra] = positionals;
    if (!sub || !["list", "show", "copy"].includes(sub)) {
      throw new UsageError(
        sub ? `unknown subcommand '${sub}'; expected list, show or copy` : "expected a subcommand: list, show or copy",
      );
    }
    if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
    if (sub === "copy" && !ref) throw new UsageError("copy needs the ID of the tender to copy");
    const name = sub === "copy" ? requireString(values, "name") : undefined;
    if (sub !== "copy" && values.name !== undefined) throw new UsageError("--name is only for copy");
    return withRuntime(async ({ db, clock }) => {
      try {
        const region = await resolveRegion(db, values.region as string | undefined);
        if (sub === "list") {
          const all = await store.listTenders(db, region.id);
          if (values.json) io.out(JSON.stringify(all, null, 2));
          else
            for (const t of all)
              io.out(
                `${t.id}  ${t.name}  (${t.counts.lots} lots, ${t.counts.segments} segments, ${t.counts.subsegments} subsegments)`,
              );
          return EXIT_OK;
        }
        const tenderId = await findTender(db, region.id, ref, io);
        if (sub === "copy") {
          const id = await db.transaction((tx) =>
            store.copyTender(tx, tenderId, name!, {
              actor: { id: null, label: "cli" },
              regionId: region.id,
              now: clock.now(),
            }),
          );
          const copy = await store.getTender(db, region.id, id);
          if (values.json) io.out(JSON.stringify(copy, null, 2));
          else
            io.out(
              `Copied to ${copy.name} (${copy.id}): ${copy.counts.lots} lots, ${copy.counts.segments} segments, ${copy.counts.subsegments} subsegments; dates cleared.`,
            );
          return EXIT_OK;
        }
        const tender = await store.getTender(db, region.id, tenderId);
        const timeline = await loadTimeline(db, region.id, tenderId, clock.now());
        const { id: regionId, name: regionName, slug } = await getRegion(db, region.id);
        if (values.json) {
          io.out(JSON.stringify({ region: { id: regionId, slug, name: regionName }, ...tender, timeline }, null, 2));
        } else {
          printTree(tender, io);
          io.out("  Timeline:");
          for (const p of timeline.phases)
            io.out(`    Fase ${p.number} ${p.name}: ${p.startsOn ?? "?"} – ${p.endsOn ?? "…"}`);
          for (const m of timeline.milestones) io.out(`    ${m.date ?? "(no date)"}  ${m.label}`);
          for (const w of timeline.warnings)
            io.out(`    ${w.severity === "warning" ? "⚠" : "ℹ"} ${w.message} (${w.basis})`);
        }
        return EXIT_OK;
      } catch (error) {
        if (error instanceof RegionNotFound) throw new UsageError(error.message);
        if (error instanceof AppError && error.code === "DUPLICATE") throw new UsageError(`--name: ${error.message}`);
        throw error;
      }
    });
  },
};
