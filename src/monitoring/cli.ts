// The kpi verb: stream the indications CSV → validate every field → computeKpi() → print JSON.
import type { Command } from "../platform/command.ts";
import { EXIT_OK, requireString, UsageError } from "../platform/command.ts";
import { printJson, readJsonOption, validate } from "../platform/engine-input.ts";
import { CsvFormatError } from "./csv.ts";
import { CsvFieldError } from "./indications.ts";
import { computeKpi } from "./kpi.ts";
import { readIndications, UnreadableFile } from "./read.ts";
import { kpiConfigSchema } from "./schema.ts";

export const kpiCommand: Command = {
  name: "kpi",
  summary: "Results per group and period from an indications CSV (uitstroom volgens plan, duurzaam resultaat, …)",
  options: {
    indications: { type: "string", description: "indications CSV file, header row first" },
    config: { type: "string", description: "kpi config JSON file (see docs/engines.md)" },
  },
  async run({ values }, io) {
    const csvPath = requireString(values, "indications");
    const configPath = requireString(values, "config");
    const config = validate(kpiConfigSchema, await readJsonOption(configPath, "config"), "config");
    let table: Awaited<ReturnType<typeof readIndications>>;
    try {
      table = await readIndications(csvPath, config);
    } catch (error) {
      if (error instanceof UnreadableFile)
        throw new UsageError(`--indications: cannot read '${csvPath}' (${error.message})`);
      if (error instanceof CsvFieldError || error instanceof CsvFormatError) {
        throw new UsageError(`--indications: ${error.message}`);
      }
      throw error;
    }
    printJson(io, computeKpi(table, config));
    return EXIT_OK;
  },
};
