// The zorginkoop command: one line per verb; each verb lives in its module's cli.ts.
import { allocateCommand } from "./award/cli.ts";
import { settleCommand } from "./contracts/cli.ts";
import { type Command, EXIT_OK, EXIT_USAGE, type Io, runCommand } from "./platform/command.ts";
import { selectCommand } from "./selection/cli.ts";

const commands: Command[] = [
  // Verbs are added here, one line each, in the order of the process.
  selectCommand,
  allocateCommand,
  settleCommand,
];

const PREFIX = "zorginkoop";

export const stdio: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length), 8);
  return [
    `Usage: ${PREFIX} <verb> [options]`,
    "",
    "Verbs:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    `Run '${PREFIX} <verb> --help' for the options of a verb.`,
  ].join("\n");
}

export async function main(argv: string[], io: Io = stdio): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb === undefined || verb === "--help" || verb === "-h" || verb === "help") {
    io.out(overview());
    return verb === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const command = commands.find((c) => c.name === verb);
  if (!command) {
    io.err(`${PREFIX}: unknown verb '${verb}'\n\n${overview()}`);
    return EXIT_USAGE;
  }
  return runCommand(PREFIX, command, rest, io);
}
