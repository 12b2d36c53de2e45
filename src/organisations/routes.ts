// HTTP for organisations: a provider's self-registration, its own record, the region's list for
// staff, and combinations with their members. Validate → store → answer; no rules live here.
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { type App, type AppContext, userOf } from "../platform/http.ts";
import { Id, Problem, problemResponses } from "../platform/schemas.ts";
import * as combinations from "./combinations.ts";
import {
  CombinationBody,
  CombinationPatch,
  CombinationSchema,
  MemberBody,
  MemberPatch,
  OrganisationPatch,
  OrganisationSchema,
  OrganisationSummarySchema,
  RegisterBody,
} from "./schemas.ts";
import * as store from "./store.ts";

const CombinationParams = z.object({ combinationId: Id });
const MemberParams = CombinationParams.extend({ organisationId: Id });

export async function organisationRoutes(app: App, ctx: AppContext) {
  const { db, clock, config, vault } = ctx;
  const change = (request: FastifyRequest): store.Change => {
    const user = userOf(request);
    return { actor: { id: user.id, label: user.email }, regionId: user.regionId, now: clock.now() };
  };
  /** The provider user's own organisation. */
  const own = (request: FastifyRequest): string => userOf(request).organisationId!;
  const combination = (request: FastifyRequest, id: string) =>
    combinations.getCombination(db, vault, userOf(request).regionId, id, clock.now());

  app.post(
    "/api/register",
    {
      schema: {
        tags: ["organisations"],
        summary: "Register a provider: a new organisation and its first provider user",
        body: RegisterBody,
        response: {
          201: z.object({ organisationId: z.string(), userId: z.string() }),
          400: Problem,
          409: Problem,
          429: Problem,
        },
      },
      config: { action: "public", rateLimit: { max: config.loginRateLimit, timeWindow: "1 minute" } },
    },
    async (request, reply) => {
      const created = await db.transaction((tx) => store.register(tx, request.body, clock.now()));
      return reply.status(201).send(created);
    },
  );

  app.get(
    "/api/organisations",
    {
      schema: {
        tags: ["organisations"],
        summary: "The region's provider organisations and combinations (staff)",
        response: { 200: z.array(OrganisationSummarySchema), ...problemResponses },
      },
      config: { action: "staff:read" },
    },
    async (request) => store.listOrganisations(db, userOf(request).regionId),
  );

  app.get(
    "/api/organisations/mine",
    {
      schema: {
        tags: ["organisations"],
        summary: "The provider's own organisation, with the combinations it is a member of",
        response: { 200: OrganisationSchema, ...problemResponses },
      },
      config: { action: "organisation:own" },
    },
    async (request) => store.getOrganisation(db, userOf(request).regionId, own(request)),
  );

  app.patch(
    "/api/organisations/mine",
    {
      schema: {
        tags: ["organisations"],
        summary: "Change the provider's own organisation: name, legal form, KvK, AGB, address, contacts",
        body: OrganisationPatch,
        response: { 200: OrganisationSchema, ...problemResponses },
      },
      config: { action: "organisation:own" },
    },
    async (request) => {
      await db.transaction((tx) => store.updateOrganisation(tx, vault, own(request), request.body, change(request)));
      return store.getOrganisation(db, userOf(request).regionId, own(request));
    },
  );

  const tags = ["combinations"];

  app.post(
    "/api/combinations",
    {
      schema: {
        tags,
        summary: "Form a combination led by the caller's organisation (penvoerder), its first member",
        body: CombinationBody,
        response: { 201: CombinationSchema, ...problemResponses },
      },
      config: { action: "organisation:own" },
    },
    async (request, reply) => {
      const id = await db.transaction((tx) =>
        combinations.createCombination(tx, own(request), request.body, change(request)),
      );
      return reply.status(201).send(await combination(request, id));
    },
  );

  app.get(
    "/api/combinations/:combinationId",
    {
      schema: {
        tags,
        summary: "A combination with its members and covenant (its members' users and the region's staff)",
        params: CombinationParams,
        response: { 200: CombinationSchema, ...problemResponses },
      },
      config: { action: "combination:read" },
    },
    async (request) => {
      await combinations.reachCombination(db, userOf(request), request.params.combinationId, "read");
      return combination(request, request.params.combinationId);
    },
  );

  app.patch(
    "/api/combinations/:combinationId",
    {
      schema: {
        tags,
        summary: "Change a combination's name, legal form, KvK number or lead member (lead member only)",
        params: CombinationParams,
        body: CombinationPatch,
        response: { 200: CombinationSchema, ...problemResponses },
      },
      config: { action: "organisation:own" },
    },
    async (request) => {
      const { combinationId } = request.params;
      await db.transaction(async (tx) => {
        await combinations.reachCombination(tx, userOf(request), combinationId, "change");
        await combinations.updateCombination(tx, vault, combinationId, request.body, change(request));
      });
      return combination(request, combinationId);
    },
  );

  app.post(
    "/api/combinations/:combinationId/members",
    {
      schema: {
        tags,
        summary: "Add a member by KvK number (an existing organisation of the region, or a new one without users)",
        params: CombinationParams,
        body: MemberBody,
        response: { 201: CombinationSchema, ...problemResponses },
      },
      config: { action: "organisation:own" },
    },
    async (request, reply) => {
      const { combinationId } = request.params;
      await db.transaction(async (tx) => {
        await combinations.reachCombination(tx, userOf(request), combinationId, "change");
        await combinations.addMember(tx, vault, combinationId, request.body, change(request));
      });
      return reply.status(201).send(await combination(request, combinationId));
    },
  );

  app.patch(
    "/api/combinations/:combinationId/members/:organisationId",
    {
      schema: {
        tags,
        summary: "Change a member's qualifications and responsibilities",
        params: MemberParams,
        body: MemberPatch,
        response: { 200: CombinationSchema, ...problemResponses },
      },
      config: { action: "organisation:own" },
    },
    async (request) => {
      const { combinationId, organisationId } = request.params;
      await db.transaction(async (tx) => {
        await combinations.reachCombination(tx, userOf(request), combinationId, "change");
        await combinations.updateMember(tx, combinationId, organisationId, request.body, change(request));
      });
      return combination(request, combinationId);
    },
  );

  app.delete(
    "/api/combinations/:combinationId/members/:organisationId",
    {
      schema: {
        tags,
        summary: "Remove a member (not the lead member)",
        params: MemberParams,
        response: { 200: CombinationSchema, ...problemResponses },
      },
      config: { action: "organisation:own" },
    },
    async (request) => {
      const { combinationId, organisationId } = request.params;
      await db.transaction(async (tx) => {
        await combinations.reachCombination(tx, userOf(request), combinationId, "change");
        await combinations.removeMember(tx, combinationId, organisationId, change(request));
      });
      return combination(request, combinationId);
    },
  );
}
