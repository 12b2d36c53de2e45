// Settings come from the environment, read once at start-up; nothing else reads process.env.
import path from "node:path";

export interface Config {
  port: number;
  host: string;
  /** The data folder: PGlite's database (in pglite/), its lock and the secrets; used when databaseUrl is not set. */
  dataDir: string;
  databaseUrl: string | undefined;
  /** A fixed "now" for demos and tests (ZORGINKOOP_NOW); undefined means the real clock. */
  now: string | undefined;
  /** Where secrets that must stay out of the database live (the master key of later features). */
  secretsDir: string;
  /** Session lifetime in minutes. */
  sessionMinutes: number;
  /** Login attempts per minute from one address (the lock-out per account comes on top). */
  loginRateLimit: number;
  /** Set when served behind HTTPS so that the session cookie carries Secure. */
  secureCookies: boolean;
  /** The vault's master key as base64 (ZORGINKOOP_MASTER_KEY); unset means master.key in secretsDir. */
  masterKey: string | undefined;
  /** The largest file an upload may be, in MB of 1024 × 1024 bytes (ZORGINKOOP_UPLOAD_MAX_MB). */
  uploadMaxMb: number;
  /** SMTP server for e-mail next to in-app notifications (smtp://user:pass@host:port); none: in-app only. */
  smtpUrl: string | undefined;
  /** The sender of those e-mails. */
  mailFrom: string;
}

function intSetting(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got '${raw}'`);
  return value;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.ZORGINKOOP_DATA_DIR || "data");
  return {
    port: intSetting(env, "PORT", 3000),
    host: env.HOST || "localhost",
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    now: env.ZORGINKOOP_NOW || undefined,
    secretsDir: path.resolve(env.ZORGINKOOP_SECRETS_DIR || path.join(dataDir, "secrets")),
    sessionMinutes: intSetting(env, "ZORGINKOOP_SESSION_MINUTES", 8 * 60),
    loginRateLimit: intSetting(env, "ZORGINKOOP_LOGIN_RATE_LIMIT", 20),
    secureCookies: env.ZORGINKOOP_SECURE_COOKIES === "1",
    masterKey: env.ZORGINKOOP_MASTER_KEY || undefined,
    uploadMaxMb: intSetting(env, "ZORGINKOOP_UPLOAD_MAX_MB", 25),
    smtpUrl: env.ZORGINKOOP_SMTP_URL || undefined,
    mailFrom: env.ZORGINKOOP_MAIL_FROM || "Zorginkoop <noreply@zorginkoop.invalid>",
  };
}
