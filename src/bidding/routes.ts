// The sealed bid vault: registrations, bids per segment, submission with receipts, withdrawal, the closing time and its extensions, and the two-officer opening.
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { type App, type AppContext, userOf } from "../platform/http.ts";
import { allows } from "../platform/policy.ts";
import { Id, problemResponses } from "../platform/schemas.ts";
import { confirmOpening, extendClosingTime, openingState, registrationsOverview } from "./opening.ts";
import { myBids } from "./overview.ts";
import { receiptPdf } from "./receipt-pdf.ts";
import {
  BidContentSchema,
  BidSchema,
  ExtensionBody,
  ExtensionSchema,
  MyBidsSchema,
  OpenedBidsSchema,
  OpeningSchema,
  ReceiptSchema,
  RegistrationSchema,
  RegistrationsSchema,
} from "./schemas.ts";
import { assertBiddingOpen, type Caller, createBid, register, saveContent, tenderState } from "./store.ts";
import {
  type BidAccess,
  bidView,
  openedBids,
  ownerAccess,
  staffAccess,
  storedReceipt,
  submissionBytes,
  submitBid,
  withdrawBid,
} from "./submission.ts";

const TenderParams = z.object({ tenderId: Id });
const BidParams = z.object({ bidId: Id });
const VersionParams = BidParams.extend({ version: z.coerce.number().int().min(1).max(100_000) });
const tags = ["bids"];

export async function biddingRoutes(app: App, ctx: AppContext) {
  const { db, clock, vault } = ctx;
  const caller = (request: FastifyRequest): Caller => userOf(request);
  // The owner reads its own bid; staff with bid:read only after the opening (else "not found").
  const access = (request: FastifyRequest, bidId: string): Promise<BidAccess> => {
    const user = caller(request);
    return allows(user.role, "bid:own") ? ownerAccess(db, user, bidId) : staffAccess(db, user, bidId);
  };
  const ownBidView = (request: FastifyRequest, bidId: string) =>
    ownerAccess(db, caller(request), bidId).then((a) => bidView(db, vault, caller(request), a, clock.now()));

  app.post(
    "/api/tenders/:tenderId/registrations",
    {
      schema: {
        tags,
        summary: "Register my organisation for a published tender (aanmelding); again changes nothing",
        params: TenderParams,
        response: { 200: RegistrationSchema, 201: RegistrationSchema, ...problemResponses },
      },
      config: { action: "bid:own" },
    },
    async (request, reply) => {
      const now = clock.now();
      const result = await db.transaction(async (tx) => {
        const tender = await tenderState(tx, caller(request).regionId, request.params.tenderId);
        assertBiddingOpen(tender, now);
        return register(tx, caller(request), tender.id, now);
      });
      const { created, ...registration } = result;
      return reply.status(created ? 201 : 200).send(registration);
    },
  );

  app.get(
    "/api/tenders/:tenderId/registrations",
    {
      schema: {
        tags,
        summary: "Who registered, how many bids exist, the extensions and the opening (never any bid's content)",
        params: TenderParams,
        response: { 200: RegistrationsSchema, ...problemResponses },
      },
      config: { action: "bid:registrations" },
    },
    async (request) => registrationsOverview(db, caller(request).regionId, request.params.tenderId, clock.now()),
  );

  app.get(
    "/api/tenders/:tenderId/my-bids",
    {
      schema: {
        tags,
        summary: "My bids in a tender, one row per segment, with the bidding window by the server's clock",
        params: TenderParams,
        response: { 200: MyBidsSchema, ...problemResponses },
      },
      config: { action: "bid:own" },
    },
    async (request) => myBids(db, caller(request), request.params.tenderId, clock.now()),
  );

  app.post(
    "/api/tenders/:tenderId/bids",
    {
      schema: {
        tags,
        summary: "Start a bid on a segment, for my organisation or a combination I lead",
        params: TenderParams,
        body: z.object({ segmentId: Id, bidderId: Id.optional() }),
        response: { 201: BidSchema, ...problemResponses },
      },
      config: { action: "bid:own" },
    },
    async (request, reply) => {
      const now = clock.now();
      const id = await db.transaction((tx) =>
        createBid(tx, vault, caller(request), request.params.tenderId, request.body, now),
      );
      return reply.status(201).send(await ownBidView(request, id));
    },
  );

  app.get(
    "/api/bids/:bidId",
    {
      schema: {
        tags,
        summary: "One bid: to its owner always; to procurement officers and assessors only after the opening",
        params: BidParams,
        response: { 200: BidSchema, ...problemResponses },
      },
      config: { action: "bid:view" },
    },
    async (request) => bidView(db, vault, caller(request), await access(request, request.params.bidId), clock.now()),
  );

  app.put(
    "/api/bids/:bidId/content",
    {
      schema: {
        tags,
        summary: "Save the bid's content (sealed); answers with the bid and what is still missing",
        params: BidParams,
        body: BidContentSchema,
        response: { 200: BidSchema, ...problemResponses },
      },
      config: { action: "bid:own" },
    },
    async (request) => {
      const now = clock.now();
      await db.transaction((tx) => saveContent(tx, vault, caller(request), request.params.bidId, request.body, now));
      return ownBidView(request, request.params.bidId);
    },
  );

  app.post(
    "/api/bids/:bidId/submit",
    {
      schema: {
        tags,
        summary: "Submit the bid as a new version; the receipt comes only after it is stored",
        params: BidParams,
        response: { 201: ReceiptSchema, ...problemResponses },
      },
      config: { action: "bid:own" },
    },
    async (request, reply) => {
      const now = clock.now();
      const receipt = await db.transaction((tx) => submitBid(tx, vault, caller(request), request.params.bidId, now));
      return reply.status(201).send(receipt);
    },
  );

  app.post(
    "/api/bids/:bidId/withdraw",
    {
      schema: {
        tags,
        summary: "Withdraw the submitted bid before the closing time (it can be submitted again)",
        params: BidParams,
        response: { 200: BidSchema, ...problemResponses },
      },
      config: { action: "bid:own" },
    },
    async (request) => {
      const now = clock.now();
      await db.transaction((tx) => withdrawBid(tx, caller(request), request.params.bidId, now));
      return ownBidView(request, request.params.bidId);
    },
  );

  app.get(
    "/api/bids/:bidId/submissions/:version",
    {
      schema: {
        tags,
        summary: "Exactly the bytes submitted as this version: their SHA-256 is the receipt's",
        params: VersionParams,
        response: { 200: z.any().describe("The submitted canonical JSON, byte for byte"), ...problemResponses },
      },
      config: { action: "bid:view" },
    },
    async (request, reply) => {
      const { bidId, version } = request.params;
      const bytes = await submissionBytes(db, vault, await access(request, bidId), version, clock.now());
      return reply
        .type("application/json; charset=utf-8")
        .header("content-disposition", `attachment; filename="inschrijving-${bidId}-v${version}.json"`)
        .serializer((payload: unknown) => payload as string)
        .send(bytes);
    },
  );

  app.get(
    "/api/bids/:bidId/submissions/:version/receipt.pdf",
    {
      schema: {
        tags,
        summary: "The receipt of one submission as a PDF (ontvangstbevestiging, in Dutch)",
        params: VersionParams,
        response: { 200: z.any().describe("application/pdf"), ...problemResponses },
      },
      config: { action: "bid:view" },
    },
    async (request, reply) => {
      const { bidId, version } = request.params;
      const receipt = await storedReceipt(db, vault, await access(request, bidId), version, clock.now());
      const pdf = await receiptPdf(receipt);
      return reply
        .type("application/pdf")
        .header("content-disposition", `attachment; filename="ontvangstbevestiging-${bidId}-v${version}.pdf"`)
        .serializer((payload: unknown) => payload as string)
        .send(pdf);
    },
  );

  app.get(
    "/api/tenders/:tenderId/bids",
    {
      schema: {
        tags,
        summary: "After the opening: the version that counts of every submitted bid (assessors: their segments)",
        params: TenderParams,
        response: { 200: OpenedBidsSchema, ...problemResponses },
      },
      config: { action: "bid:read" },
    },
    async (request) => openedBids(db, vault, caller(request), request.params.tenderId, clock.now()),
  );

  app.post(
    "/api/tenders/:tenderId/closing-time/extensions",
    {
      schema: {
        tags,
        summary: "Extend the closing time before it passes; every registered provider is told at once",
        params: TenderParams,
        body: ExtensionBody,
        response: { 201: ExtensionSchema.extend({ notified: z.number().int() }), ...problemResponses },
      },
      config: { action: "bid:closing" },
    },
    async (request, reply) => {
      const now = clock.now();
      const { closesAt, reason } = request.body;
      const extension = await db.transaction((tx) =>
        extendClosingTime(tx, caller(request), request.params.tenderId, { closesAt: new Date(closesAt), reason }, now),
      );
      return reply.status(201).send(extension);
    },
  );

  app.get(
    "/api/tenders/:tenderId/opening",
    {
      schema: {
        tags,
        summary: "The state of the two-officer opening",
        params: TenderParams,
        response: { 200: OpeningSchema, ...problemResponses },
      },
      config: { action: "bid:open" },
    },
    async (request) => openingState(db, caller(request).regionId, request.params.tenderId, clock.now()),
  );

  app.post(
    "/api/tenders/:tenderId/opening",
    {
      schema: {
        tags,
        summary: "Confirm the opening after the closing time; a second, different officer completes it",
        params: TenderParams,
        response: { 200: OpeningSchema, ...problemResponses },
      },
      config: { action: "bid:open" },
    },
    async (request) => {
      const now = clock.now();
      await db.transaction((tx) => confirmOpening(tx, caller(request), request.params.tenderId, now));
      return openingState(db, caller(request).regionId, request.params.tenderId, now);
    },
  );
}
