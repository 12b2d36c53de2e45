// The platform's verbs: serve, start, migrate, audit.
import { createApp } from "../app.ts";
import { demoAccounts, loadDemo } from "../demo/load.ts";
import { verifyChain } from "./audit.ts";
import { type Command, EXIT_FAILURE, EXIT_OK, type Io, UsageError } from "./command.ts";
import { readConfig } from "./config.ts";
import { serveForwarding } from "./forward.ts";
import { migrate } from "./migrate.ts";
import { lockHolder, openRuntime, type Runtime, setServingRuntime, socketPath } from "./runtime.ts";

/** Runs fn with a runtime for this process (or the server's, when forwarded), released afterwards. */
export async function withRuntime<T>(
  fn: (runtime: Runtime) => Promise<T>,
  options: { migrate?: boolean } = {},
): Promise<T> {
  const runtime = await openRuntime(options);
  try {
    return await fn(runtime);
  } finally {
    await runtime.release();
  }
}

async function serve(
  io: Io,
  options: { demoIfEmpty: boolean },
  run: (argv: string[], io: Io) => Promise<number>,
): Promise<number> {
  const config = readConfig();
  const holder = lockHolder(config);
  if (holder !== null) {
    io.err(`zorginkoop: the data folder ${config.dataDir} is already served by process ${holder}`);
    return EXIT_FAILURE;
  }
  const runtime = await openRuntime({ config, migrate: false });
  const result = await migrate(runtime.db);
  if (result.applied.length > 0) io.out(`Migrations applied: ${result.applied.join(", ")}`);
  if (options.demoIfEmpty) {
    const [{ n } = { n: 0 }] = await runtime.db.query<{ n: number }>("select count(*) as n from regions");
    if (Number(n) === 0) {
      const demo = await loadDemo(runtime.db, runtime.clock.now());
      io.out(
        `Demo data loaded: Sociaal Domein Achterhoek with tenders Inkoop 2022 and Inkoop 2027 (open for bids; ${demo.usersAdded} users).`,
      );
    }
  }
  const app = await createApp(runtime, { logger: process.env.ZORGINKOOP_LOG === "1" });
  setServingRuntime(runtime);
  const forwarding = runtime.db.kind === "pglite" ? serveForwarding(socketPath(config), run) : null;
  const address = await app.listen({ port: config.port, host: config.host });
  const [{ n: users } = { n: 0 }] = await runtime.db.query<{ n: number }>(
    "select count(*) as n from users where email like '%.example'",
  );
  io.out(`Zorginkoop is running at http://localhost:${config.port} (${address}) on ${runtime.db.kind}.`);
  if (runtime.config.now) io.out(`The clock is set to ${runtime.config.now} (ZORGINKOOP_NOW).`);
  if (Number(users) > 0) io.out(demoAccounts());
  io.out("API documentation: /api/docs. Stop with Ctrl+C.");

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  io.out("Stopping…");
  forwarding?.close();
  await app.close();
  setServingRuntime(null);
  await runtime.release();
  return EXIT_OK;
}

export function serveCommand(run: (argv: string[], io: Io) => Promise<number>): Command {
  return {
    name: "serve",
    summary: "Run the web server and API (PORT, ZORGINKOOP_DATA_DIR, DATABASE_URL, ZORGINKOOP_NOW)",
    options: {},
    run: (_input, io) => serve(io, { demoIfEmpty: false }, run),
  };
}

export function startCommand(run: (argv: string[], io: Io) => Promise<number>): Command {
  return {
    name: "start",
    summary: "Migrate, load the demo data if the database is empty, and serve (what npm start runs)",
    options: {},
    run: (_input, io) => serve(io, { demoIfEmpty: true }, run),
  };
}

export const migrateCommand: Command = {
  name: "migrate",
  summary: "Apply the numbered SQL migrations that have not been applied yet",
  options: {},
  async run(_input, io) {
    return withRuntime(
      async ({ db }) => {
        const result = await migrate(db);
        io.out(
          result.applied.length > 0
            ? `Applied: ${result.applied.join(", ")}`
            : `Nothing to apply; ${result.alreadyApplied.length} migrations were applied before.`,
        );
        return EXIT_OK;
      },
      { migrate: false },
    );
  },
};

export const auditCommand: Command = {
  name: "audit",
  summary: "verify: check the whole audit chain and name the first broken entry",
  args: "verify",
  options: { json: { type: "boolean", description: "print the verdict as JSON" } },
  async run({ values, positionals }, io) {
    const [sub, ...extra] = positionals;
    if (sub !== "verify")
      throw new UsageError(sub ? `unknown subcommand '${sub}'; expected 'verify'` : "expected the subcommand 'verify'");
    if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
    return withRuntime(async ({ db }) => {
      const verdict = await verifyChain(db);
      if (values.json) io.out(JSON.stringify(verdict));
      else if (verdict.ok) io.out(`The audit chain holds: ${verdict.entries} entries, last hash ${verdict.lastHash}.`);
      else io.err(`The audit chain is broken at entry ${verdict.brokenAt}: ${verdict.reason}.`);
      return verdict.ok ? EXIT_OK : EXIT_FAILURE;
    });
  },
};
