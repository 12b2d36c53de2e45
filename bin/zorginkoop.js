#!/usr/bin/env node
// The zorginkoop command. The sources are TypeScript run through tsx, so that the installed
// package and the repository run the very same files.
import { register } from "tsx/esm/api";

register();
// A reader that stops early (`zorginkoop tender show | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}
const { main } = await import("../src/cli.ts");
process.exitCode = await main(process.argv.slice(2));
