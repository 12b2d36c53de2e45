// The published JSON Schemas of the engines' input formats (docs/schemas/*.json), generated from
// the zod schemas that also validate the input. Run with --write to refresh the files.
import { writeFileSync } from "node:fs";
import { z } from "zod";
import { allocationInputSchema } from "../award/schema.ts";
import { settlementInputSchema } from "../contracts/schema.ts";
import { kpiConfigSchema } from "../monitoring/schema.ts";
import { selectionInputSchema } from "../selection/schema.ts";

const SCHEMAS = {
  "select-input": { schema: selectionInputSchema, title: "zorginkoop select --input" },
  "allocate-input": { schema: allocationInputSchema, title: "zorginkoop allocate --input" },
  "settle-input": { schema: settlementInputSchema, title: "zorginkoop settle --input" },
  "kpi-config": { schema: kpiConfigSchema, title: "zorginkoop kpi --config" },
} as const;

export const SCHEMA_DIR = new URL("../../docs/schemas/", import.meta.url);

/** File name → JSON text, as committed in docs/schemas. */
export function engineSchemaFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [name, { schema, title }] of Object.entries(SCHEMAS)) {
    const json = { title, ...z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) };
    files[`${name}.json`] = `${JSON.stringify(json, null, 2)}\n`;
  }
  return files;
}

if (process.argv.includes("--write") && import.meta.url === new URL(process.argv[1]!, "file://").href) {
  for (const [file, text] of Object.entries(engineSchemaFiles())) writeFileSync(new URL(file, SCHEMA_DIR), text);
}
