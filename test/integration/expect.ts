// What the access matrix expects: the shape of a row and the usual expectations. Each feature keeps
// its rows in cases/<feature>.ts; route-cases.ts joins them.
import { randomBytes } from "node:crypto";
import { ACTORS, type ActorName, type World } from "./world.ts";

export type Expectation = Record<ActorName, number>;

export interface RouteCase {
  /** The request; `headers` travel with it (a multipart body's content type), next to the actor's cookie. */
  request(world: World): Promise<{ url: string; payload?: unknown; headers?: Record<string, string> }>;
  expect: Expectation;
  /** The audit action a successful call appends (state-changing routes only). */
  audit?: string;
  /** A POST that reads and changes nothing (an upload's preview): it appends no audit entry. */
  changesNothing?: true;
  /** Log the actor in afresh for this request (login and logout end the session they are sent with). */
  freshSession?: boolean;
}

export const unique = () => randomBytes(4).toString("hex");
export const system = (w: World) => ({
  actor: { id: null, label: "test" },
  regionId: w.ctx.demo!.regionId,
  now: w.ctx.clock.now(),
});

export function all(status: number, except: Partial<Expectation> = {}): Expectation {
  return { ...(Object.fromEntries(ACTORS.map((a) => [a, status])) as Expectation), ...except };
}

/** Logged-in users of the region get `ok`; the other tenant's officer gets `otherTenant`. */
export function signedIn(ok: number, otherTenant: number): Expectation {
  return all(ok, { anonymous: 401, other_tenant: otherTenant });
}

/** Only the procurement officer may; the other tenant's officer finds nothing (404) or acts in its own region. */
export function officerOnly(ok: number, otherTenant: number): Expectation {
  return all(403, { anonymous: 401, procurement_officer: ok, other_tenant: otherTenant });
}

export function adminOnly(ok: number): Expectation {
  return all(403, { anonymous: 401, administrator: ok });
}

export const staffRead = all(200, { anonymous: 401, provider_own: 403, provider_other: 403 });
