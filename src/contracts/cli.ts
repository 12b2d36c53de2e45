// The settle verb: read the file → validate → settle() → print JSON.
import type { Command } from "../platform/command.ts";
import { EXIT_OK, requireString } from "../platform/command.ts";
import { printJson, readJsonOption, validate } from "../platform/engine-input.ts";
import { settlementInputSchema } from "./schema.ts";
import { settle } from "./settle.ts";

export const settleCommand: Command = {
  name: "settle",
  summary: "Lumpsum year-end settlement (bandbreedte, verrekening) and advance payments, per contract",
  options: { input: { type: "string", description: "settlement JSON file (see docs/engines.md)" } },
  async run({ values }, io) {
    const path = requireString(values, "input");
    const input = validate(settlementInputSchema, await readJsonOption(path, "input"), "input");
    printJson(io, settle(input));
    return EXIT_OK;
  },
};
