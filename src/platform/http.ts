// The HTTP server: JSON under /api, every route validated by its zod schema, the OpenAPI 3.1
// document generated from the same schemas, problem+json errors, sessions, and the built web UI.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyCookie from "@fastify/cookie";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from "fastify";
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { Clock } from "./clock.ts";
import type { Config } from "./config.ts";
import type { Database } from "./db.ts";
import { AppError, fromDatabaseError, problemOf } from "./errors.ts";
import { type Action, allows, type Role } from "./policy.ts";
import type { Vault } from "./vault.ts";

export interface AppContext {
  db: Database;
  clock: Clock;
  config: Config;
  /** Seals bid content and files under per-tender keys. */
  vault: Vault;
}

/** The user behind a request, as the session found it. */
export interface SessionUser {
  id: string;
  regionId: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string | null;
  municipalityId: string | null;
  segmentIds: string[];
  sessionTokenHash: string;
}

declare module "fastify" {
  interface FastifyRequest {
    user: SessionUser | null;
  }
  interface FastifyContextConfig {
    /** The policy action this route needs; "public" routes need no session. */
    action?: Action | "public";
  }
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export type RouteModule = (app: App, ctx: AppContext) => Promise<void> | void;

export const SESSION_COOKIE = "zk_session";

export interface RouteInfo {
  method: string;
  url: string;
  action: Action | "public" | undefined;
}

const ROUTES = new WeakMap<object, RouteInfo[]>();

/** Every route the server registered (HEAD twins left out), for the access-matrix and audit tests. */
export function routesOf(app: App): RouteInfo[] {
  return ROUTES.get(app) ?? [];
}
const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dist/web");

export interface ServerOptions {
  ctx: AppContext;
  modules: RouteModule[];
  /** Looks up the session behind a cookie token; null when unknown or expired. */
  authenticate(token: string): Promise<SessionUser | null>;
  logger?: boolean;
}

/** The user of a route that needs a session; the policy check has already run. */
export function userOf(request: FastifyRequest): SessionUser {
  if (!request.user) throw new AppError("NOT_AUTHENTICATED");
  return request.user;
}

export async function buildServer(options: ServerOptions): Promise<App> {
  const { ctx } = options;
  const app = Fastify({
    logger: options.logger ? { level: "info", redact: ["req.headers.cookie", "req.headers.authorization"] } : false,
    bodyLimit: 1024 * 1024,
    trustProxy: false,
  }).withTypeProvider<ZodTypeProvider>();

  const routes: RouteInfo[] = [];
  ROUTES.set(app, routes);
  app.addHook("onRoute", (route) => {
    for (const method of [route.method].flat()) {
      if (method !== "HEAD") routes.push({ method, url: route.url, action: route.config?.action });
    }
  });

  // JSON only: with the SameSite cookie this leaves a cross-site form no way to post to the API.
  // The one exception, the file uploads, registers multipart/form-data in its own scope (files/routes.ts).
  app.removeContentTypeParser("text/plain");
  app.addHook("onSend", async (_request, reply) => {
    reply.header("x-content-type-options", "nosniff");
    reply.header("x-frame-options", "DENY");
    reply.header("referrer-policy", "same-origin");
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest("user", null);

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Zorginkoop API",
        version: "1",
        description:
          "Regional procurement (inkoop) and contract management of social-domain care. Errors are RFC 9457 problem+json with a stable `code`.",
      },
      components: {
        securitySchemes: { session: { type: "apiKey", in: "cookie", name: SESSION_COOKIE } },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs", uiConfig: { docExpansion: "list" } });

  app.addHook("onRequest", async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) request.user = await options.authenticate(token);
  });

  // The policy check: every /api route names its action; nothing is open by omission.
  app.addHook("preHandler", async (request) => {
    const url = request.routeOptions.url ?? "";
    if (!url.startsWith("/api/") || url.startsWith("/api/docs")) return;
    const action = request.routeOptions.config.action;
    if (action === undefined) throw new AppError("INTERNAL", `route ${url} names no policy action`);
    if (action === "public") return;
    if (!request.user) throw new AppError("NOT_AUTHENTICATED");
    if (!allows(request.user.role, action)) throw new AppError("FORBIDDEN");
  });

  app.setErrorHandler((error: FastifyError, request, reply) => sendProblem(toAppError(error, request), request, reply));

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith("/api/") || request.method !== "GET" || !existsSync(WEB_DIST)) {
      return sendProblem(
        new AppError("NOT_FOUND", `no route ${request.method} ${request.url.split("?")[0]}`),
        request,
        reply,
      );
    }
    // The web UI routes its own paths: every other GET gets the single page.
    return reply.type("text/html").sendFile("index.html", WEB_DIST);
  });

  app.get(
    "/api/openapi.json",
    { schema: { hide: true }, config: { action: "public" } },
    async () => app.swagger() as unknown as Record<string, unknown>,
  );

  for (const register of options.modules) await register(app, ctx);

  if (existsSync(WEB_DIST)) {
    await app.register(fastifyStatic, { root: WEB_DIST, prefix: "/", index: ["index.html"] });
  }
  return app;
}

function toAppError(error: FastifyError, request: FastifyRequest): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? "body";
    const errors = error.validation.map((issue) => ({
      field: [where, ...issue.instancePath.split("/").filter(Boolean)].join("."),
      message: issue.message ?? "is not valid",
    }));
    return new AppError("VALIDATION_FAILED", errors.map((e) => `${e.field}: ${e.message}`).join("; "), { errors });
  }
  const database = fromDatabaseError(error);
  if (database) return database;
  switch (error.code) {
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return new AppError("UNSUPPORTED_MEDIA_TYPE");
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return new AppError("PAYLOAD_TOO_LARGE");
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return new AppError("MALFORMED_REQUEST", "the body is not valid JSON");
  }
  if (error.statusCode === 429) return new AppError("RATE_LIMITED", undefined, { headers: { "retry-after": "60" } });
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError("MALFORMED_REQUEST", error.message);
  }
  request.log.error({ err: error }, "unexpected error");
  return new AppError("INTERNAL");
}

function sendProblem(error: AppError, request: FastifyRequest, reply: FastifyReply) {
  const problem = problemOf(error, request.url.split("?")[0]);
  if (error.headers) reply.headers(error.headers);
  return reply.status(problem.status).type("application/problem+json").serializer(JSON.stringify).send(problem);
}
