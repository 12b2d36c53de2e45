// The shape of a zorginkoop verb, and the one way arguments are parsed and refused.
// A bad argument is a usage error: exit code 2, a message naming the argument, nothing on stdout.
import { parseArgs } from "node:util";

export type OptionSpec = Record<
  string,
  { type: "string" | "boolean"; short?: string; multiple?: boolean; description: string }
>;

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export interface Command {
  name: string;
  summary: string;
  /** Positional arguments, for the help text, e.g. "[ID]". */
  args?: string;
  options: OptionSpec;
  run(
    input: { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] },
    io: Io,
  ): Promise<number>;
  /**
   * The arguments as the server should see them when the verb is forwarded to it (the server runs it
   * in its own working directory): e.g. with relative file names made absolute.
   */
  forwardArgv?(argv: string[], cwd: string): string[];
}

/** A refusal of the command line itself; the CLI prints it and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

export function helpText(prefix: string, command: Command): string {
  const lines = [
    `Usage: ${prefix} ${command.name}${command.args ? ` ${command.args}` : ""} [options]`,
    "",
    command.summary,
    "",
  ];
  const entries = Object.entries(command.options);
  if (entries.length > 0) lines.push("Options:");
  for (const [name, spec] of entries) {
    const flag = `--${name}${spec.type === "string" ? ` <${name}>` : ""}`;
    lines.push(`  ${flag.padEnd(28)} ${spec.description}`);
  }
  lines.push(`  ${"--help".padEnd(28)} show this help`);
  return lines.join("\n");
}

/** Parses argv for one command; throws UsageError naming the offending argument. */
export function parseCommandArgs(command: Command, argv: string[]) {
  const options: Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }> = {};
  for (const [name, spec] of Object.entries(command.options)) {
    options[name] = {
      type: spec.type,
      ...(spec.short ? { short: spec.short } : {}),
      ...(spec.multiple ? { multiple: true } : {}),
    };
  }
  options.help = { type: "boolean" };
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(message.replace(/\. To specify a positional argument.*$/s, ""));
  }
}

/** Runs a command with its --help and its usage errors handled the same way for every verb. */
export async function runCommand(prefix: string, command: Command, argv: string[], io: Io): Promise<number> {
  try {
    const parsed = parseCommandArgs(command, argv);
    if (parsed.values.help) {
      io.out(helpText(prefix, command));
      return EXIT_OK;
    }
    return await command.run(parsed as never, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${prefix} ${command.name}: ${error.message}`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

export function requireString(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== "string" || value.trim() === "") throw new UsageError(`--${name} is required`);
  return value;
}
