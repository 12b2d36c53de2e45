// The user verb: add accounts from the command line (the first administrator of a region, say).
import { randomBytes } from "node:crypto";
import { withRuntime } from "../platform/cli.ts";
import { type Command, EXIT_OK, requireString, UsageError } from "../platform/command.ts";
import { AppError } from "../platform/errors.ts";
import { ROLES, type Role } from "../platform/policy.ts";
import {
  createOrganisation,
  listMunicipalities,
  listOrganisations,
  RegionNotFound,
  resolveRegion,
} from "../region/store.ts";
import { MIN_PASSWORD_LENGTH } from "./password.ts";
import { createUser } from "./store.ts";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const userCommand: Command = {
  name: "user",
  summary: "add: create an account (password generated and printed once unless --password is given)",
  args: "add",
  options: {
    email: { type: "string", description: "e-mail address, the login name" },
    role: { type: "string", description: ROLES.join(" | ") },
    name: { type: "string", description: "display name (default: the e-mail address)" },
    org: { type: "string", description: "provider: the organisation's name or id (created when new)" },
    segments: { type: "string", description: "assessor: comma-separated segment codes, e.g. jeugd-iaj,wmo-io" },
    municipality: { type: "string", description: "municipality viewer: CBS code (GM0222) or name" },
    password: { type: "string", description: `at least ${MIN_PASSWORD_LENGTH} characters` },
    region: { type: "string", description: "region slug (needed when there are several)" },
    json: { type: "boolean", description: "print the new user as JSON" },
  },
  async run({ values, positionals }, io) {
    if (positionals[0] !== "add")
      throw new UsageError(
        positionals[0] ? `unknown subcommand '${positionals[0]}'; expected 'add'` : "expected the subcommand 'add'",
      );
    if (positionals.length > 1) throw new UsageError(`unexpected argument '${positionals[1]}'`);
    const email = requireString(values, "email").trim().toLowerCase();
    if (!EMAIL.test(email)) throw new UsageError(`--email: '${email}' is not an e-mail address`);
    const roleText = requireString(values, "role");
    if (!ROLES.includes(roleText as Role))
      throw new UsageError(`--role: '${roleText}' is not one of ${ROLES.join(", ")}`);
    const role = roleText as Role;
    const password = values.password as string | undefined;
    if (password !== undefined && password.length < MIN_PASSWORD_LENGTH) {
      throw new UsageError(`--password: must be at least ${MIN_PASSWORD_LENGTH} characters`);
    }
    if (role === "provider" && !values.org) throw new UsageError("--org is required for role provider");
    if (role !== "provider" && values.org) throw new UsageError("--org: only a provider user acts for an organisation");
    if (role === "municipality_viewer" && !values.municipality)
      throw new UsageError("--municipality is required for role municipality_viewer");
    if (role !== "municipality_viewer" && values.municipality)
      throw new UsageError("--municipality: only for role municipality_viewer");
    if (role !== "assessor" && values.segments)
      throw new UsageError("--segments: only assessors are assigned segments");

    return withRuntime(async ({ db, clock }) => {
      try {
        const region = await resolveRegion(db, values.region as string | undefined);
        const generated = password ?? randomBytes(12).toString("base64url");
        const user = await db.transaction(async (tx) => {
          const actor = { id: null, label: "cli" };
          const now = clock.now();
          let organisationId: string | null = null;
          if (values.org) {
            const org = values.org as string;
            const found = (await listOrganisations(tx, region.id)).find((o) => o.id === org || o.name === org);
            organisationId = found?.id ?? (await createOrganisation(tx, region.id, org, actor, now));
            if (!found) io.err(`Organisation '${org}' created.`);
          }
          let municipalityId: string | null = null;
          if (values.municipality) {
            const wanted = (values.municipality as string).trim();
            const found = (await listMunicipalities(tx, region.id)).find(
              (m) => m.cbsCode === wanted.toUpperCase() || m.name.toLowerCase() === wanted.toLowerCase(),
            );
            if (!found) throw new UsageError(`--municipality: '${wanted}' is not a municipality of ${region.name}`);
            municipalityId = found.id;
          }
          let segmentIds: string[] = [];
          if (values.segments) {
            const codes = (values.segments as string)
              .split(",")
              .map((c) => c.trim())
              .filter(Boolean);
            const rows = await tx.query<{ id: string; code: string }>(
              `select s.id, s.code from segments s join tenders t on t.id = s.tender_id
                where t.region_id = $1 and s.code = any($2::text[]) order by t.created_at desc`,
              [region.id, codes],
            );
            const missing = codes.filter((c) => !rows.some((r) => r.code === c));
            if (missing.length > 0) throw new UsageError(`--segments: unknown segment code ${missing.join(", ")}`);
            segmentIds = codes.map((c) => rows.find((r) => r.code === c)!.id);
          }
          return createUser(
            tx,
            region.id,
            {
              email,
              name: (values.name as string | undefined) ?? email,
              role,
              password: generated,
              organisationId,
              municipalityId,
              segmentIds,
            },
            actor,
            now,
          );
        });
        if (values.json) io.out(JSON.stringify({ ...user, ...(password ? {} : { initialPassword: generated }) }));
        else {
          io.out(`Added ${user.email} as ${user.role} in ${region.name}.`);
          if (!password) io.out(`Initial password (shown once): ${generated}`);
        }
        return EXIT_OK;
      } catch (error) {
        if (error instanceof RegionNotFound) throw new UsageError(error.message);
        if (error instanceof AppError && error.code === "DUPLICATE") throw new UsageError(`--email: ${error.message}`);
        throw error;
      }
    });
  },
};
