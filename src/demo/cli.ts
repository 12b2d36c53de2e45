// The demo verb: load the reference region, its tenders and the demo users.

import { withRuntime } from "../platform/cli.ts";
import type { Command } from "../platform/command.ts";
import { demoAccounts, loadDemo } from "./load.ts";

export const demoCommand: Command = {
  name: "demo",
  summary:
    "Load Sociaal Domein Achterhoek, its tender Inkoop 2022, the open tender Inkoop 2027 and demo users (twice changes nothing)",
  options: {},
  run(_input, io) {
    return withRuntime(async ({ db, clock }) => {
      const result = await loadDemo(db, clock.now());
      io.out(result.loaded ? "Demo data loaded." : "Demo data was already loaded; nothing changed.");
      io.out(demoAccounts());
      return 0;
    });
  },
};
