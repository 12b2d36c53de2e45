// E-mail next to the in-app notifications, when an SMTP server is configured (ZORGINKOOP_SMTP_URL).
// Mail is sent after the change has been committed and never undoes it: a failure is reported to the
// caller, which logs it.
import type { FastifyBaseLogger } from "fastify";
import nodemailer from "nodemailer";
import type { Config } from "../platform/config.ts";

export interface Mail {
  subject: string;
  text: string;
}

export interface MailResult {
  sent: number;
  failed: { to: string; error: string }[];
}

/** Sends the same mail to each recipient separately (no one sees the others' addresses). */
export async function sendMail(
  config: Pick<Config, "smtpUrl" | "mailFrom">,
  recipients: readonly string[],
  mail: Mail,
): Promise<MailResult> {
  const result: MailResult = { sent: 0, failed: [] };
  if (!config.smtpUrl || recipients.length === 0) return result;
  const transport = nodemailer.createTransport({
    url: config.smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  try {
    for (const to of new Set(recipients)) {
      try {
        await transport.sendMail({ from: config.mailFrom, to, subject: mail.subject, text: mail.text });
        result.sent += 1;
      } catch (error) {
        result.failed.push({ to, error: error instanceof Error ? error.message : String(error) });
      }
    }
  } finally {
    transport.close();
  }
  return result;
}

/**
 * E-mail after the commit of what it announces, sent in the background: a round goes to every
 * provider user of the region, hundreds of mails one by one, and the officer who published it should
 * not wait for them. Nothing without an SMTP server or recipients; a failure is logged, never thrown,
 * so it cannot undo what was committed. The app waits for mails under way when it closes.
 */
export interface MailSender {
  send(log: FastifyBaseLogger, recipients: readonly string[], mail: Mail): void;
  /** Resolves when every mail handed to `send` so far has been sent or has failed. */
  idle(): Promise<void>;
}

export function mailSender(config: Pick<Config, "smtpUrl" | "mailFrom">): MailSender {
  const underWay = new Set<Promise<void>>();
  return {
    send(log, recipients, mail) {
      if (!config.smtpUrl || recipients.length === 0) return;
      const sending: Promise<void> = sendMail(config, recipients, mail).then(
        (result) => {
          if (result.failed.length > 0) log.warn({ failed: result.failed }, "some e-mails were not sent");
        },
        (error: unknown) => log.warn({ err: error }, "e-mail could not be sent"),
      );
      underWay.add(sending);
      void sending.finally(() => underWay.delete(sending));
    },
    async idle() {
      while (underWay.size > 0) await Promise.allSettled([...underWay]);
    },
  };
}
