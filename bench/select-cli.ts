// The select verb exactly as `zorginkoop select --input FILE` runs it (read → validate → HiGHS →
// print JSON), without the other verbs. bench/run.ts bundles this file to plain JavaScript once and
// times `node bundle.mjs --input FILE` in a fresh process, so the figure is the whole run: node
// start-up, module load, WASM load, validation, the cold solve with tie-break and certificate, output.
import { type Io, runCommand } from "../src/platform/command.ts";
import { selectCommand } from "../src/selection/cli.ts";

const io: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};
process.exitCode = await runCommand("zorginkoop", selectCommand, process.argv.slice(2), io);
