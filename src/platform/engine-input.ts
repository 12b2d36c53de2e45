// Reading an engine's input file at the command line: a missing file, bad JSON or a field that
// breaks the format is a usage error (exit 2) naming the option or the field's JSON path.
import { readFile } from "node:fs/promises";
import type { z } from "zod";
import { type Io, UsageError } from "./command.ts";

/** A JSON path as people write it: bids[3].scores.A */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else {
      const key = String(part);
      out += /^[A-Za-z_$][\w$]*$/.test(key) ? (out === "" ? key : `.${key}`) : `[${JSON.stringify(key)}]`;
    }
  }
  return out === "" ? "(the whole input)" : out;
}

/** Reads a file named by an option; refuses a missing or unreadable file as a usage error. */
export async function readOptionFile(path: string, option: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    throw new UsageError(`--${option}: cannot read '${path}' (${code})`);
  }
}

/** Reads and parses a JSON file named by an option. */
export async function readJsonOption(path: string, option: string): Promise<unknown> {
  const text = await readOptionFile(path, option);
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new UsageError(
      `--${option}: '${path}' is not valid JSON (${error instanceof Error ? error.message : error})`,
    );
  }
}

/** Describes every schema issue as "path: message", one a line. */
export function describeIssues(error: z.ZodError, prefix = ""): string {
  return error.issues
    .slice(0, 20)
    .map((issue) => `${prefix}${formatPath(issue.path)}: ${issue.message}`)
    .join("\n");
}

/** Validates input against its schema; throws a UsageError naming the fields on failure. */
export function validate<S extends z.ZodType>(schema: S, data: unknown, option: string): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) throw new UsageError(`--${option}: invalid input\n${describeIssues(result.error)}`);
  return result.data;
}

export function printJson(io: Io, value: unknown): void {
  io.out(JSON.stringify(value));
}
