// A CLI verb started while the server holds the PGlite data folder runs inside the server process:
// the CLI sends its arguments over a local socket (readable by the same OS user only) and prints
// what comes back. Over PostgreSQL nothing is forwarded: every process opens its own pool.
import { chmodSync, existsSync, unlinkSync } from "node:fs";
import net from "node:net";
import type { Io } from "./command.ts";

type Message = { out: string } | { err: string } | { exit: number };

export function serveForwarding(socket: string, run: (argv: string[], io: Io) => Promise<number>): net.Server {
  if (existsSync(socket)) unlinkSync(socket);
  // One forwarded verb at a time, as if typed one after the other.
  let queue = Promise.resolve();
  const server = net.createServer((connection) => {
    let buffer = "";
    connection.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      const newline = buffer.indexOf("\n");
      if (newline < 0) return;
      const send = (message: Message) => connection.write(`${JSON.stringify(message)}\n`);
      let argv: string[];
      try {
        argv = JSON.parse(buffer.slice(0, newline)).argv;
      } catch {
        connection.end();
        return;
      }
      queue = queue.then(async () => {
        let code = 1;
        try {
          code = await run(argv, { out: (text) => send({ out: text }), err: (text) => send({ err: text }) });
        } catch (error) {
          send({ err: error instanceof Error ? error.message : String(error) });
        }
        send({ exit: code });
        connection.end();
      });
    });
    connection.on("error", () => undefined);
  });
  server.listen(socket, () => chmodSync(socket, 0o600));
  return server;
}

export function forward(socket: string, argv: string[], io: Io): Promise<number> {
  return new Promise((resolve, reject) => {
    const connection = net.connect(socket);
    let buffer = "";
    let exit: number | undefined;
    connection.on("connect", () => connection.write(`${JSON.stringify({ argv })}\n`));
    connection.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      let newline = buffer.indexOf("\n");
      while (newline >= 0) {
        const message = JSON.parse(buffer.slice(0, newline)) as Message;
        buffer = buffer.slice(newline + 1);
        if ("out" in message) io.out(message.out);
        else if ("err" in message) io.err(message.err);
        else exit = message.exit;
        newline = buffer.indexOf("\n");
      }
    });
    connection.on("error", reject);
    connection.on("close", () =>
      exit === undefined ? reject(new Error("the server closed the connection")) : resolve(exit),
    );
  });
}
