// HTTP for tenders: validate → store and pure rules → answer. No rules live here.
import { z } from "zod";
import { type App, type AppContext, userOf } from "../platform/http.ts";
import { Id, problemResponses } from "../platform/schemas.ts";
import { loadTimeline } from "./planning.ts";
import {
  LotBody,
  SegmentBody,
  SegmentPatch,
  SubsegmentBody,
  SubsegmentPatch,
  TenderBody,
  TenderPatch,
  TenderSchema,
  TenderSummarySchema,
  TimelineBody,
  TimelineSchema,
} from "./schemas.ts";
import * as store from "./store.ts";

const TenderParams = z.object({ tenderId: Id });
const tags = ["tenders"];

export async function tenderRoutes(app: App, ctx: AppContext) {
  const { db, clock } = ctx;
  const change = (request: Parameters<typeof userOf>[0]): store.Change => {
    const user = userOf(request);
    return { actor: { id: user.id, label: user.email }, regionId: user.regionId, now: clock.now() };
  };
  const tender = (request: Parameters<typeof userOf>[0], id: string) =>
    store.getTender(db, userOf(request).regionId, id);

  app.get(
    "/api/tenders",
    {
      schema: {
        tags,
        summary: "The region's tenders",
        response: { 200: z.array(TenderSummarySchema), ...problemResponses },
      },
      config: { action: "tender:read" },
    },
    async (request) => store.listTenders(db, userOf(request).regionId),
  );

  app.post(
    "/api/tenders",
    {
      schema: {
        tags,
        summary: "Create a tender",
        body: TenderBody,
        response: { 201: TenderSchema, ...problemResponses },
      },
      config: { action: "tender:create" },
    },
    async (request, reply) => {
      const id = await db.transaction((tx) => store.createTender(tx, request.body, change(request)));
      return reply.status(201).send(await tender(request, id));
    },
  );

  app.get(
    "/api/tenders/:tenderId",
    {
      schema: {
        tags,
        summary: "One tender with its lots → segments → subsegments",
        params: TenderParams,
        response: { 200: TenderSchema, ...problemResponses },
      },
      config: { action: "tender:read" },
    },
    async (request) => tender(request, request.params.tenderId),
  );

  app.patch(
    "/api/tenders/:tenderId",
    {
      schema: {
        tags,
        summary: "Change a tender's settings",
        params: TenderParams,
        body: TenderPatch,
        response: { 200: TenderSchema, ...problemResponses },
      },
      config: { action: "tender:edit" },
    },
    async (request) => {
      await db.transaction((tx) => store.updateTender(tx, request.params.tenderId, request.body, change(request)));
      return tender(request, request.params.tenderId);
    },
  );

  app.post(
    "/api/tenders/:tenderId/copy",
    {
      schema: {
        tags,
        summary: "Copy the structure for a re-procurement, dates cleared",
        params: TenderParams,
        body: z.object({ name: z.string().trim().min(1).max(200) }),
        response: { 201: TenderSchema, ...problemResponses },
      },
      config: { action: "tender:create" },
    },
    async (request, reply) => {
      const id = await db.transaction((tx) =>
        store.copyTender(tx, request.params.tenderId, request.body.name, change(request)),
      );
      return reply.status(201).send(await tender(request, id));
    },
  );

  // Structure: lots, segments and subsegments. Each change answers with the whole tender.
  const LotParams = TenderParams.extend({ lotId: Id });
  const SegmentParams = TenderParams.extend({ segmentId: Id });
  const SubsegmentParams = TenderParams.extend({ subsegmentId: Id });
  const structure = { 200: TenderSchema, ...problemResponses };
  const created = { 201: TenderSchema, ...problemResponses };

  app.post(
    "/api/tenders/:tenderId/lots",
    {
      schema: { tags, summary: "Add a lot (perceel)", params: TenderParams, body: LotBody, response: created },
      config: { action: "tender:edit" },
    },
    async (request, reply) => {
      await db.transaction((tx) => store.createLot(tx, request.params.tenderId, request.body, change(request)));
      return reply.status(201).send(await tender(request, request.params.tenderId));
    },
  );
  app.patch(
    "/api/tenders/:tenderId/lots/:lotId",
    {
      schema: { tags, summary: "Change a lot", params: LotParams, body: LotBody.partial(), response: structure },
      config: { action: "tender:edit" },
    },
    async (request) => {
      await db.transaction((tx) =>
        store.updateLot(tx, request.params.tenderId, request.params.lotId, request.body, change(request)),
      );
      return tender(request, request.params.tenderId);
    },
  );
  app.delete(
    "/api/tenders/:tenderId/lots/:lotId",
    {
      schema: { tags, summary: "Remove an empty lot", params: LotParams, response: structure },
      config: { action: "tender:edit" },
    },
    async (request) => {
      await db.transaction((tx) => store.deleteLot(tx, request.params.tenderId, request.params.lotId, change(request)));
      return tender(request, request.params.tenderId);
    },
  );

  app.post(
    "/api/tenders/:tenderId/lots/:lotId/segments",
    {
      schema: { tags, summary: "Add a segment to a lot", params: LotParams, body: SegmentBody, response: created },
      config: { action: "tender:edit" },
    },
    async (request, reply) => {
      await db.transaction((tx) =>
        store.createSegment(tx, request.params.tenderId, request.params.lotId, request.body, change(request)),
      );
      return reply.status(201).send(await tender(request, request.params.tenderId));
    },
  );
  app.patch(
    "/api/tenders/:tenderId/segments/:segmentId",
    {
      schema: {
        tags,
        summary: "Change a segment (financing, contract start, number to select, threshold and scale, …)",
        params: SegmentParams,
        body: SegmentPatch,
        response: structure,
      },
      config: { action: "tender:edit" },
    },
    async (request) => {
      await db.transaction((tx) =>
        store.updateSegment(tx, request.params.tenderId, request.params.segmentId, request.body, change(request)),
      );
      return tender(request, request.params.tenderId);
    },
  );
  app.delete(
    "/api/tenders/:tenderId/segments/:segmentId",
    {
      schema: { tags, summary: "Remove a segment without subsegments", params: SegmentParams, response: structure },
      config: { action: "tender:edit" },
    },
    async (request) => {
      await db.transaction((tx) =>
        store.deleteSegment(tx, request.params.tenderId, request.params.segmentId, change(request)),
      );
      return tender(request, request.params.tenderId);
    },
  );

  app.post(
    "/api/tenders/:tenderId/segments/:segmentId/subsegments",
    {
      schema: {
        tags,
        summary: "Add a subsegment to a segment",
        params: SegmentParams,
        body: SubsegmentBody,
        response: created,
      },
      config: { action: "tender:edit" },
    },
    async (request, reply) => {
      await db.transaction((tx) =>
        store.createSubsegment(tx, request.params.tenderId, request.params.segmentId, request.body, change(request)),
      );
      return reply.status(201).send(await tender(request, request.params.tenderId));
    },
  );
  app.patch(
    "/api/tenders/:tenderId/subsegments/:subsegmentId",
    {
      schema: {
        tags,
        summary: "Change a subsegment",
        params: SubsegmentParams,
        body: SubsegmentPatch,
        response: structure,
      },
      config: { action: "tender:edit" },
    },
    async (request) => {
      await db.transaction((tx) =>
        store.updateSubsegment(tx, request.params.tenderId, request.params.subsegmentId, request.body, change(request)),
      );
      return tender(request, request.params.tenderId);
    },
  );
  app.delete(
    "/api/tenders/:tenderId/subsegments/:subsegmentId",
    {
      schema: { tags, summary: "Remove a subsegment", params: SubsegmentParams, response: structure },
      config: { action: "tender:edit" },
    },
    async (request) => {
      await db.transaction((tx) =>
        store.deleteSubsegment(tx, request.params.tenderId, request.params.subsegmentId, change(request)),
      );
      return tender(request, request.params.tenderId);
    },
  );

  // Timeline: phases, milestones and the planning warnings computed for today.
  app.get(
    "/api/tenders/:tenderId/timeline",
    {
      schema: {
        tags,
        summary: "Phases, milestones and planning warnings",
        params: TenderParams,
        response: { 200: TimelineSchema, ...problemResponses },
      },
      config: { action: "timeline:read" },
    },
    async (request) => loadTimeline(db, userOf(request).regionId, request.params.tenderId, clock.now()),
  );
  app.put(
    "/api/tenders/:tenderId/timeline",
    {
      schema: {
        tags,
        summary: "Replace the timeline; answers with its planning warnings (they warn, never block)",
        params: TenderParams,
        body: TimelineBody,
        response: { 200: TimelineSchema, ...problemResponses },
      },
      config: { action: "timeline:edit" },
    },
    async (request) => {
      await db.transaction((tx) => store.replaceTimeline(tx, request.params.tenderId, request.body, change(request)));
      return loadTimeline(db, userOf(request).regionId, request.params.tenderId, clock.now());
    },
  );
}
