// E-mail through a real SMTP server on a free port: one message per recipient; a server that cannot
// be reached is reported, never thrown.
import { createServer } from "node:net";
import type { FastifyBaseLogger } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailSender, sendMail } from "./mail.ts";
import { type ReceivedMail, type SmtpCapture, startSmtpCapture } from "./testing.ts";

let smtp: SmtpCapture;
let received: ReceivedMail[];

beforeAll(async () => {
  smtp = await startSmtpCapture();
  received = smtp.mails;
});
afterAll(() => smtp.close());

/** A port that was free a moment ago: nothing listens there. */
const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const p = (probe.address() as { port: number }).port;
      probe.close(() => resolve(p));
    });
  });

const config = () => ({ smtpUrl: smtp.url, mailFrom: "Zorginkoop <noreply@achterhoek.example>" });

describe("e-mail next to the in-app notifications", () => {
  it("sends one message per recipient, none seeing the others", async () => {
    const result = await sendMail(
      config(),
      ["a@zorgpartners.example", "b@jeugdhulp-oost.example", "a@zorgpartners.example"],
      {
        subject: "Nota van Inlichtingen 1 gepubliceerd",
        text: "Log in om de antwoorden te lezen.",
      },
    );
    expect(result).toEqual({ sent: 2, failed: [] });
    expect(received.map((m) => m.to)).toEqual([["a@zorgpartners.example"], ["b@jeugdhulp-oost.example"]]);
    expect(received[0]!.from).toBe("noreply@achterhoek.example");
    expect(received[1]!.body).toContain("Nota van Inlichtingen 1 gepubliceerd");
    expect(received[1]!.body).not.toContain("a@zorgpartners.example");
  });

  it("sends nothing without an SMTP server configured", async () => {
    expect(
      await sendMail({ smtpUrl: undefined, mailFrom: "x@y.example" }, ["a@b.example"], { subject: "s", text: "t" }),
    ).toEqual({
      sent: 0,
      failed: [],
    });
  });

  it("reports a server that cannot be reached instead of throwing", async () => {
    const free = await freePort();
    const result = await sendMail({ ...config(), smtpUrl: `smtp://127.0.0.1:${free}` }, ["a@b.example"], {
      subject: "s",
      text: "t",
    });
    expect(result.sent).toBe(0);
    expect(result.failed).toEqual([{ to: "a@b.example", error: expect.any(String) }]);
  });

  it("sends after the caller has moved on, logs a failure instead of throwing, and says when all is out", async () => {
    const warnings: unknown[] = [];
    const log = { warn: (...args: unknown[]) => warnings.push(args) } as unknown as FastifyBaseLogger;
    const sender = mailSender(config());
    const before = received.length;
    sender.send(log, ["c@zorgpartners.example", "d@jeugdhulp-oost.example"], { subject: "Achteraf", text: "t" });
    // send returned before a word was said to the SMTP server.
    expect(received.length).toBe(before);
    await sender.idle();
    expect(received.slice(before).map((m) => m.to)).toEqual([["c@zorgpartners.example"], ["d@jeugdhulp-oost.example"]]);

    const free = await freePort();
    const broken = mailSender({ ...config(), smtpUrl: `smtp://127.0.0.1:${free}` });
    broken.send(log, ["e@b.example"], { subject: "s", text: "t" });
    await broken.idle();
    expect(warnings).toHaveLength(1);
    expect(JSON.stringify(warnings[0])).toContain("e@b.example");
  });
});
