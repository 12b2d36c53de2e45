// What a tender asks: minimum requirements per tender, lot, segment and subsegment, selection criteria
// A–F per segment, the bidding settings and publication. Each change answers with the whole overview.
import { z } from "zod";
import { type App, type AppContext, userOf } from "../platform/http.ts";
import { Id, problemResponses } from "../platform/schemas.ts";
import {
  BiddingSettingsBody,
  CriterionBody,
  CriterionPatch,
  RequirementBody,
  RequirementPatch,
  RequirementsOverviewSchema,
} from "./schemas.ts";
import * as store from "./store.ts";

const TenderParams = z.object({ tenderId: Id });
const RequirementParams = TenderParams.extend({ requirementId: Id });
const CriterionParams = TenderParams.extend({ criterionId: Id });
const tags = ["requirements"];
const overview = { 200: RequirementsOverviewSchema, ...problemResponses };
const created = { 201: RequirementsOverviewSchema, ...problemResponses };

export async function requirementRoutes(app: App, ctx: AppContext) {
  const { db, clock } = ctx;
  const change = (request: Parameters<typeof userOf>[0]): store.Change => {
    const user = userOf(request);
    return { actor: { id: user.id, label: user.email }, regionId: user.regionId, now: clock.now() };
  };
  const answer = (request: Parameters<typeof userOf>[0], tenderId: string) =>
    store.getOverview(db, userOf(request).regionId, tenderId);

  app.get(
    "/api/tenders/:tenderId/requirements",
    {
      schema: {
        tags,
        summary: "What the tender asks: minimum requirements, selection criteria, scoring per segment, closing time",
        params: TenderParams,
        response: overview,
      },
      config: { action: "requirements:read" },
    },
    async (request) => answer(request, request.params.tenderId),
  );

  app.post(
    "/api/tenders/:tenderId/requirements",
    {
      schema: {
        tags,
        summary: "Add a minimum requirement (minimumeis) to the tender, a lot, a segment or a subsegment",
        params: TenderParams,
        body: RequirementBody,
        response: created,
      },
      config: { action: "requirements:edit" },
    },
    async (request, reply) => {
      const { tenderId } = request.params;
      await db.transaction((tx) => store.createRequirement(tx, tenderId, request.body, change(request)));
      return reply.status(201).send(await answer(request, tenderId));
    },
  );
  app.patch(
    "/api/tenders/:tenderId/requirements/:requirementId",
    {
      schema: {
        tags,
        summary: "Change a minimum requirement (before publication)",
        params: RequirementParams,
        body: RequirementPatch,
        response: overview,
      },
      config: { action: "requirements:edit" },
    },
    async (request) => {
      const { tenderId, requirementId } = request.params;
      await db.transaction((tx) => store.updateRequirement(tx, tenderId, requirementId, request.body, change(request)));
      return answer(request, tenderId);
    },
  );
  app.delete(
    "/api/tenders/:tenderId/requirements/:requirementId",
    {
      schema: {
        tags,
        summary: "Remove a minimum requirement (before publication)",
        params: RequirementParams,
        response: overview,
      },
      config: { action: "requirements:edit" },
    },
    async (request) => {
      const { tenderId, requirementId } = request.params;
      await db.transaction((tx) => store.deleteRequirement(tx, tenderId, requirementId, change(request)));
      return answer(request, tenderId);
    },
  );

  app.post(
    "/api/tenders/:tenderId/criteria",
    {
      schema: {
        tags,
        summary: "Add a selection criterion A–F to a segment",
        params: TenderParams,
        body: CriterionBody,
        response: created,
      },
      config: { action: "requirements:edit" },
    },
    async (request, reply) => {
      const { tenderId } = request.params;
      await db.transaction((tx) => store.createCriterion(tx, tenderId, request.body, change(request)));
      return reply.status(201).send(await answer(request, tenderId));
    },
  );
  app.patch(
    "/api/tenders/:tenderId/criteria/:criterionId",
    {
      schema: {
        tags,
        summary: "Change a selection criterion (before publication)",
        params: CriterionParams,
        body: CriterionPatch,
        response: overview,
      },
      config: { action: "requirements:edit" },
    },
    async (request) => {
      const { tenderId, criterionId } = request.params;
      await db.transaction((tx) => store.updateCriterion(tx, tenderId, criterionId, request.body, change(request)));
      return answer(request, tenderId);
    },
  );
  app.delete(
    "/api/tenders/:tenderId/criteria/:criterionId",
    {
      schema: {
        tags,
        summary: "Remove a selection criterion (before publication)",
        params: CriterionParams,
        response: overview,
      },
      config: { action: "requirements:edit" },
    },
    async (request) => {
      const { tenderId, criterionId } = request.params;
      await db.transaction((tx) => store.deleteCriterion(tx, tenderId, criterionId, change(request)));
      return answer(request, tenderId);
    },
  );

  app.put(
    "/api/tenders/:tenderId/bidding-settings",
    {
      schema: {
        tags,
        summary: "Set the closing time (sluitingstijd) and how long bids stay valid (before publication)",
        params: TenderParams,
        body: BiddingSettingsBody,
        response: overview,
      },
      config: { action: "requirements:edit" },
    },
    async (request) => {
      const { tenderId } = request.params;
      await db.transaction((tx) => store.setBiddingSettings(tx, tenderId, request.body, change(request)));
      return answer(request, tenderId);
    },
  );

  app.post(
    "/api/tenders/:tenderId/publish",
    {
      schema: {
        tags,
        summary: "Publish: needs a future closing time and criteria weighing 100 in every segment that has criteria",
        params: TenderParams,
        response: overview,
      },
      config: { action: "tender:publish" },
    },
    async (request) => {
      const { tenderId } = request.params;
      await db.transaction((tx) => store.publishTender(tx, tenderId, change(request)));
      return answer(request, tenderId);
    },
  );
}
