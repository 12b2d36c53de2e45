// The zorginkoop command: one line per verb; each verb lives in its module's cli.ts.

import { userCommand } from "./accounts/cli.ts";
import { allocateCommand } from "./award/cli.ts";
import { settleCommand } from "./contracts/cli.ts";
import { demoCommand } from "./demo/cli.ts";
import { kpiCommand } from "./monitoring/cli.ts";
import { auditCommand, migrateCommand, serveCommand, startCommand } from "./platform/cli.ts";
import { type Command, EXIT_OK, EXIT_USAGE, type Io, runCommand } from "./platform/command.ts";
import { readConfig } from "./platform/config.ts";
import { forward } from "./platform/forward.ts";
import { lockHolder, socketPath } from "./platform/runtime.ts";
import { qaCommand } from "./qa/cli.ts";
import { selectCommand } from "./selection/cli.ts";
import { tenderCommand } from "./tender/cli.ts";

const commands: Command[] = [
  // Verbs are added here, one line each, in the order of the process.
  startCommand(main),
  serveCommand(main),
  migrateCommand,
  demoCommand,
  userCommand,
  tenderCommand,
  qaCommand,
  selectCommand,
  allocateCommand,
  settleCommand,
  kpiCommand,
  auditCommand,
];

const PREFIX = "zorginkoop";
const DATABASE_VERBS = new Set(["migrate", "demo", "user", "tender", "qa", "audit"]);

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
  // PGlite on disk is single-process: a verb that needs the database while the server holds the
  // data folder runs inside the server instead (--help never needs the database).
  if (DATABASE_VERBS.has(command.name) && !rest.includes("--help")) {
    const config = readConfig();
    if (lockHolder(config) !== null) {
      const forwarded = command.forwardArgv ? [verb, ...command.forwardArgv(rest, process.cwd())] : argv;
      return forward(socketPath(config), forwarded, io);
    }
  }
  return runCommand(PREFIX, command, rest, io);
}
