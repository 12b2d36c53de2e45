// The allocate verb: read the file → validate → allocate() → print JSON.
import type { Command } from "../platform/command.ts";
import { EXIT_OK, requireString } from "../platform/command.ts";
import { printJson, readJsonOption, validate } from "../platform/engine-input.ts";
import { allocate } from "./allocate.ts";
import { allocationInputSchema } from "./schema.ts";

export const allocateCommand: Command = {
  name: "allocate",
  summary: "Divide a segment's macro budget over the award offers, by priority or in proportion",
  options: { input: { type: "string", description: "allocation JSON file (see docs/engines.md)" } },
  async run({ values }, io) {
    const path = requireString(values, "input");
    const input = validate(allocationInputSchema, await readJsonOption(path, "input"), "input");
    printJson(io, allocate(input));
    return EXIT_OK;
  },
};
