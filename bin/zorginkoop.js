#!/usr/bin/env node
// The zorginkoop command. The sources are TypeScript run through tsx, so that the installed
// package and the repository run the very same files.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli.ts");
process.exitCode = await main(process.argv.slice(2));
