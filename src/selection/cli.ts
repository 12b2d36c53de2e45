// The select verb: read the file → validate → select (HiGHS) → print JSON.
import type { Command } from "../platform/command.ts";
import { EXIT_OK, requireString, UsageError } from "../platform/command.ts";
import { printJson, readJsonOption, validate } from "../platform/engine-input.ts";
import { selectHere, selectInWorker } from "./run.ts";
import { selectionInputSchema } from "./schema.ts";

export const selectCommand: Command = {
  name: "select",
  summary: "Select bids: exact optimum of the total score with coverage (dekkend aanbod), seeded lot draw on ties",
  options: {
    input: { type: "string", description: "selection JSON file (see docs/engines.md)" },
    "time-limit": {
      type: "string",
      description: "seconds; solve in a worker thread, stopped on the wall clock (status time_limit)",
    },
  },
  async run({ values }, io) {
    const path = requireString(values, "input");
    const limitText = values["time-limit"];
    let limit: number | undefined;
    if (typeof limitText === "string") {
      limit = Number(limitText);
      if (!Number.isFinite(limit) || limit <= 0)
        throw new UsageError("--time-limit must be a positive number of seconds");
    }
    const input = validate(selectionInputSchema, await readJsonOption(path, "input"), "input");
    const result =
      limit === undefined ? await selectHere(input) : await selectInWorker(input, { timeLimitSeconds: limit });
    printJson(io, result);
    return EXIT_OK;
  },
};
