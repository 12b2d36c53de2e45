// HTTP for logging in and out and for the administrator's user management.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { appendAudit } from "../platform/audit.ts";
import { type App, type AppContext, SESSION_COOKIE, userOf } from "../platform/http.ts";
import { ROLES } from "../platform/policy.ts";
import { Id, Problem, problemResponses } from "../platform/schemas.ts";
import { RegionSchema } from "../region/routes.ts";
import { getRegion } from "../region/store.ts";
import { login } from "./login.ts";
import { MIN_PASSWORD_LENGTH } from "./password.ts";
import { deleteSession } from "./sessions.ts";
import { createUser, getUser, listUsers, updateUser } from "./store.ts";

const Role = z.enum(ROLES);
const Email = z.email({ error: "must be an e-mail address" }).max(320);
const Password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, { error: `must be at least ${MIN_PASSWORD_LENGTH} characters` })
  .max(200);

export const UserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: Role,
    organisationId: z.string().nullable(),
    municipalityId: z.string().nullable(),
    segmentIds: z.array(z.string()),
    disabled: z.boolean(),
    lockedUntil: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "User" });

const Me = z.object({
  user: UserSchema.pick({
    id: true,
    email: true,
    name: true,
    role: true,
    organisationId: true,
    municipalityId: true,
    segmentIds: true,
  }),
  region: RegionSchema,
});

export async function accountRoutes(app: App, ctx: AppContext) {
  const { db, clock, config } = ctx;

  app.post(
    "/api/auth/login",
    {
      schema: {
        tags: ["auth"],
        summary: "Log in; sets the session cookie",
        body: z.object({ email: z.string().min(3).max(320), password: z.string().min(1).max(200) }),
        response: { 200: Me, 400: Problem, 401: Problem, 423: Problem, 429: Problem },
      },
      config: { action: "public", rateLimit: { max: config.loginRateLimit, timeWindow: "1 minute" } },
    },
    async (request, reply) => {
      const previous = request.user?.sessionTokenHash ?? null;
      const result = await login(
        db,
        { ...request.body, previousTokenHash: previous },
        clock.now(),
        config.sessionMinutes,
      );
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        secure: config.secureCookies,
        // Relative, so that a clock pinned by ZORGINKOOP_NOW does not make the browser drop the cookie.
        maxAge: config.sessionMinutes * 60,
      });
      const user = await getUser(db, result.regionId, result.userId);
      return { user, region: await getRegion(db, user.regionId) };
    },
  );

  app.post(
    "/api/auth/logout",
    {
      schema: { tags: ["auth"], summary: "Log out; ends the session", response: { 204: z.null(), 401: Problem } },
      config: { action: "public" },
    },
    async (request, reply) => {
      const user = request.user;
      if (user) {
        await db.transaction(async (tx) => {
          await deleteSession(tx, user.sessionTokenHash);
          await appendAudit(tx, {
            actor: { id: user.id, label: user.email },
            regionId: user.regionId,
            entity: "user",
            entityId: user.id,
            action: "user.logout",
            at: clock.now(),
          });
        });
      }
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/me",
    {
      schema: {
        tags: ["auth"],
        summary: "The logged-in user and their region",
        response: { 200: Me, ...problemResponses },
      },
      config: { action: "region:read" },
    },
    async (request) => {
      const user = userOf(request);
      return { user, region: await getRegion(db, user.regionId) };
    },
  );

  app.get(
    "/api/users",
    {
      schema: {
        tags: ["users"],
        summary: "The region's users",
        response: { 200: z.array(UserSchema), ...problemResponses },
      },
      config: { action: "user:read" },
    },
    async (request) => listUsers(db, userOf(request).regionId),
  );

  app.post(
    "/api/users",
    {
      schema: {
        tags: ["users"],
        summary: "Add a user; without a password one is generated and returned once",
        body: z.object({
          email: Email,
          name: z.string().trim().min(1).max(200),
          role: Role,
          password: Password.optional(),
          organisationId: Id.nullable().optional(),
          municipalityId: Id.nullable().optional(),
          segmentIds: z.array(Id).max(100).optional(),
        }),
        response: { 201: UserSchema.extend({ initialPassword: z.string().optional() }), ...problemResponses },
      },
      config: { action: "user:manage" },
    },
    async (request, reply) => {
      const actorUser = userOf(request);
      const generated = request.body.password ? undefined : randomBytes(12).toString("base64url");
      const user = await db.transaction((tx) =>
        createUser(
          tx,
          actorUser.regionId,
          { ...request.body, password: request.body.password ?? generated! },
          { id: actorUser.id, label: actorUser.email },
          clock.now(),
        ),
      );
      return reply.status(201).send({ ...user, ...(generated ? { initialPassword: generated } : {}) });
    },
  );

  app.patch(
    "/api/users/:userId",
    {
      schema: {
        tags: ["users"],
        summary: "Change a user's name, role, links, password or status",
        params: z.object({ userId: Id }),
        body: z
          .object({
            name: z.string().trim().min(1).max(200),
            role: Role,
            organisationId: Id.nullable(),
            municipalityId: Id.nullable(),
            segmentIds: z.array(Id).max(100),
            disabled: z.boolean(),
            password: Password,
            unlock: z.boolean(),
          })
          .partial()
          .refine((b) => Object.keys(b).length > 0, { error: "name at least one field to change" }),
        response: { 200: UserSchema, ...problemResponses },
      },
      config: { action: "user:manage" },
    },
    async (request) => {
      const actorUser = userOf(request);
      return db.transaction((tx) =>
        updateUser(
          tx,
          actorUser.regionId,
          request.params.userId,
          request.body,
          { id: actorUser.id, label: actorUser.email },
          clock.now(),
        ),
      );
    },
  );
}
