// Regions (tenants) and their municipalities and organisations.
import { type Actor, appendAudit } from "../platform/audit.ts";
import type { Sql } from "../platform/db.ts";
import { notFound } from "../platform/errors.ts";

export interface Municipality {
  id: string;
  cbsCode: string;
  name: string;
}

export interface Region {
  id: string;
  slug: string;
  name: string;
  theme: { primary?: string; accent?: string };
  municipalities: Municipality[];
}

export interface Organisation {
  id: string;
  name: string;
}

export async function getRegion(db: Sql, id: string): Promise<Region> {
  const [row] = await db.query<{ id: string; slug: string; name: string; theme: Region["theme"] }>(
    "select id, slug, name, theme from regions where id = $1",
    [id],
  );
  if (!row) throw notFound("region");
  return { ...row, municipalities: await listMunicipalities(db, id) };
}

export async function findRegionBySlug(db: Sql, slug: string): Promise<{ id: string; name: string } | undefined> {
  const [row] = await db.query<{ id: string; name: string }>("select id, name from regions where slug = $1", [slug]);
  return row;
}

export async function listMunicipalities(db: Sql, regionId: string): Promise<Municipality[]> {
  return db.query<Municipality>(
    `select id, cbs_code as "cbsCode", name from municipalities where region_id = $1 order by name`,
    [regionId],
  );
}

export async function listOrganisations(db: Sql, regionId: string): Promise<Organisation[]> {
  return db.query<Organisation>("select id, name from organisations where region_id = $1 order by name", [regionId]);
}

export async function createRegion(
  tx: Sql,
  input: { slug: string; name: string; theme?: Region["theme"]; municipalities: { cbsCode: string; name: string }[] },
  actor: Actor,
  now: Date,
): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    "insert into regions (slug, name, theme) values ($1, $2, $3) returning id",
    [input.slug, input.name, JSON.stringify(input.theme ?? {})],
  );
  const regionId = row!.id;
  await appendAudit(tx, {
    actor,
    regionId,
    entity: "region",
    entityId: regionId,
    action: "region.create",
    after: input,
    at: now,
  });
  for (const m of input.municipalities) {
    const [mrow] = await tx.query<{ id: string }>(
      "insert into municipalities (region_id, cbs_code, name) values ($1, $2, $3) returning id",
      [regionId, m.cbsCode, m.name],
    );
    await appendAudit(tx, {
      actor,
      regionId,
      entity: "municipality",
      entityId: mrow!.id,
      action: "municipality.create",
      after: m,
      at: now,
    });
  }
  return regionId;
}

export async function createOrganisation(
  tx: Sql,
  regionId: string,
  name: string,
  actor: Actor,
  now: Date,
): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    "insert into organisations (region_id, name) values ($1, $2) returning id",
    [regionId, name],
  );
  await appendAudit(tx, {
    actor,
    regionId,
    entity: "organisation",
    entityId: row!.id,
    action: "organisation.create",
    after: { name },
    at: now,
  });
  return row!.id;
}

/** The region a CLI verb works in: the one named by --region, or the only one there is. */
export async function resolveRegion(
  db: Sql,
  slug: string | undefined,
): Promise<{ id: string; slug: string; name: string }> {
  const regions = await db.query<{ id: string; slug: string; name: string }>(
    "select id, slug, name from regions order by slug",
  );
  if (slug !== undefined) {
    const found = regions.find((r) => r.slug === slug);
    if (!found)
      throw new RegionNotFound(
        `--region: no region '${slug}'; known: ${regions.map((r) => r.slug).join(", ") || "none"}`,
      );
    return found;
  }
  if (regions.length === 1) return regions[0]!;
  throw new RegionNotFound(
    regions.length === 0
      ? "there is no region yet; run 'zorginkoop demo' or create one"
      : `--region is required: there are ${regions.length} regions (${regions.map((r) => r.slug).join(", ")})`,
  );
}

export class RegionNotFound extends Error {}
