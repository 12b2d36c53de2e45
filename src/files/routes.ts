// Uploaded files: streamed, size-limited, type checked by content, SHA-256 recorded, sealed in the vault.
//
// A bid's files are sealed like the bid: until the opening only the bidder sees them, and a file
// that is not the viewer's to see answers 404, so that not even its existence shows. A combination's
// covenant is seen by its members and the region's staff.
import { randomUUID } from "node:crypto";
import type { FastifyReply } from "fastify";
import { z } from "zod";
import { AppError, notFound } from "../platform/errors.ts";
import { type App, type AppContext, type SessionUser, userOf } from "../platform/http.ts";
import { problemResponses } from "../platform/schemas.ts";
import { sealStream } from "../platform/vault.ts";
import {
  type BidState,
  bidFilesChangeRefusal,
  isCombinationMember,
  leadsCombination,
  mayReadBidFiles,
  mayReadCovenant,
  ownsBid,
} from "./access.ts";
import { contentDisposition, megabytes } from "./check.ts";
import { BidParams, CombinationParams, FileBytes, FileParams, StoredFileSchema, uploadProblems } from "./schemas.ts";
import * as store from "./store.ts";
import { receiveFile, uploadScope } from "./upload.ts";

const tags = ["files"];

const change = (user: SessionUser, now: Date): store.Change => ({
  actor: { id: user.id, label: user.email },
  regionId: user.regionId,
  now,
});

function assertChangeable(bid: BidState, now: Date): void {
  const refusal = bidFilesChangeRefusal(bid, now);
  if (refusal) throw new AppError("CONFLICT", refusal.message, { rule: refusal.rule });
}

const leadOnly = () =>
  new AppError("FORBIDDEN", "only the combination's lead member (penvoerder) may change its covenant", {
    rule: "combination_lead_only",
  });

function sendFile(reply: FastifyReply, file: store.StoredFile, content: Buffer) {
  return reply
    .header("content-type", file.mediaType)
    .header("content-disposition", contentDisposition(file.name))
    .header("cache-control", "private, no-store")
    .header("repr-digest", `sha-256=:${Buffer.from(file.sha256, "hex").toString("base64")}:`)
    .send(content);
}

export async function fileRoutes(app: App, ctx: AppContext) {
  const { db, clock, vault, config } = ctx;
  const maxBytes = megabytes(config.uploadMaxMb);

  // multipart/form-data is accepted only inside this scope, by the two upload routes; everywhere
  // else the API stays JSON-only (see http.ts).
  await uploadScope(app, maxBytes, async (uploads: App) => {
    uploads.post(
      "/api/bids/:bidId/files",
      {
        schema: {
          tags,
          summary: "Upload a file to the own bid (multipart/form-data, field 'file'), before the closing time",
          description:
            "PDF, DOCX, XLSX, ODT, PNG or JPEG, judged by content; at most ZORGINKOOP_UPLOAD_MAX_MB. The answer carries the SHA-256 of exactly the bytes received.",
          consumes: ["multipart/form-data"],
          params: BidParams,
          response: { 201: StoredFileSchema, ...uploadProblems },
        },
        config: { action: "bid:own" },
      },
      async (request, reply) => {
        const user = userOf(request);
        // Refuse before reading a byte when the bid is not the caller's or can no longer change.
        const { bid, key } = await db.transaction(async (tx) => {
          const bid = await store.findBid(tx, user.regionId, request.params.bidId);
          if (!bid || !ownsBid(user, bid)) throw notFound("bid");
          const now = clock.now();
          assertChangeable(bid, now);
          return { bid, key: await vault.tenderKey(tx, bid.tenderId, now) };
        });
        const id = randomUUID();
        const received = await receiveFile(request, maxBytes, sealStream(key, store.fileAad(id)));
        const stored = await db.transaction(async (tx) => {
          const current = await store.findBid(tx, user.regionId, bid.id, true);
          if (!current || !ownsBid(user, current)) throw notFound("bid");
          // The clock when the file is stored decides, not the one when the upload began.
          const now = clock.now();
          assertChangeable(current, now);
          return store.insertBidFile(tx, vault, current, { id, received }, change(user, now));
        });
        return reply.status(201).send(stored);
      },
    );

    uploads.post(
      "/api/combinations/:combinationId/covenant",
      {
        schema: {
          tags,
          summary: "Upload the combination's draft covenant (lead member only; multipart/form-data, field 'file')",
          description: "Replaces the covenant there was. The same types and size limit as bid files.",
          consumes: ["multipart/form-data"],
          params: CombinationParams,
          response: { 201: StoredFileSchema, ...uploadProblems },
        },
        config: { action: "organisation:own" },
      },
      async (request, reply) => {
        const user = userOf(request);
        const combination = await store.findCombination(db, user.regionId, request.params.combinationId);
        if (!combination || !isCombinationMember(user, combination)) throw notFound("combination");
        if (!leadsCombination(user, combination)) throw leadOnly();
        const id = randomUUID();
        const received = await receiveFile(request, maxBytes, vault.sealStreamDirect(store.covenantAad(id)));
        const stored = await db.transaction(async (tx) => {
          const current = await store.findCombination(tx, user.regionId, combination.id, true);
          if (!current || !leadsCombination(user, current)) throw notFound("combination");
          return store.replaceCovenant(tx, vault, current, { id, received }, change(user, clock.now()));
        });
        return reply.status(201).send(stored);
      },
    );
  });

  app.get(
    "/api/bids/:bidId/files",
    {
      schema: {
        tags,
        summary: "A bid's files: for the bidder; after the opening for officers and the segment's assessors",
        params: BidParams,
        response: { 200: z.array(StoredFileSchema), ...problemResponses },
      },
      config: { action: "file:read" },
    },
    async (request) => {
      const user = userOf(request);
      return db.transaction(async (tx) => {
        const bid = await store.findBid(tx, user.regionId, request.params.bidId);
        if (!bid || !mayReadBidFiles(user, { ...bid, opened: bid.openedAt !== null })) throw notFound("bid");
        return store.listBidFiles(tx, vault, bid.id, clock.now());
      });
    },
  );

  app.get(
    "/api/files/:fileId",
    {
      schema: {
        tags,
        summary: "Download a file: its exact bytes, with the original name",
        params: FileParams,
        response: { 200: FileBytes, ...problemResponses },
      },
      config: { action: "file:read" },
    },
    async (request, reply) => {
      const user = userOf(request);
      const { file, content } = await db.transaction(async (tx) => {
        const owner = await store.findFileOwner(tx, user.regionId, request.params.fileId);
        if (!owner) throw notFound("file");
        if (owner.purpose === "bid") {
          const bid = await store.findBid(tx, user.regionId, owner.bidId!);
          if (!bid || !mayReadBidFiles(user, { ...bid, opened: bid.openedAt !== null })) throw notFound("file");
        } else {
          const combination = await store.findCombination(tx, user.regionId, owner.organisationId);
          if (!combination || !mayReadCovenant(user, combination)) throw notFound("file");
        }
        return store.readFile(tx, vault, owner.id, clock.now());
      });
      return sendFile(reply, file, content);
    },
  );

  app.delete(
    "/api/files/:fileId",
    {
      schema: {
        tags,
        summary: "Remove a file from the own bid before the closing time (not one a submission includes)",
        params: FileParams,
        response: { 204: z.null(), ...problemResponses },
      },
      config: { action: "bid:own" },
    },
    async (request, reply) => {
      const user = userOf(request);
      await db.transaction(async (tx) => {
        const owner = await store.findFileOwner(tx, user.regionId, request.params.fileId);
        if (!owner) throw notFound("file");
        const now = clock.now();
        if (owner.purpose === "bid") {
          const bid = await store.findBid(tx, user.regionId, owner.bidId!, true);
          if (!bid || !ownsBid(user, bid)) throw notFound("file");
          assertChangeable(bid, now);
          if (await store.inSubmission(tx, owner.id)) {
            throw new AppError("CONFLICT", "a submitted version of the bid includes this file, so it stays", {
              rule: "file_in_submission",
            });
          }
        } else {
          const combination = await store.findCombination(tx, user.regionId, owner.organisationId, true);
          if (!combination || !isCombinationMember(user, combination)) throw notFound("file");
          if (!leadsCombination(user, combination)) throw leadOnly();
          await store.clearCovenant(tx, combination.id, owner.id, now);
        }
        await store.deleteFile(tx, owner.id, change(user, now));
      });
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/combinations/:combinationId/covenant",
    {
      schema: {
        tags,
        summary: "Download the combination's covenant (its members and the region's staff)",
        params: CombinationParams,
        response: { 200: FileBytes, ...problemResponses },
      },
      config: { action: "file:read" },
    },
    async (request, reply) => {
      const user = userOf(request);
      const { file, content } = await db.transaction(async (tx) => {
        const combination = await store.findCombination(tx, user.regionId, request.params.combinationId);
        if (!combination || !mayReadCovenant(user, combination)) throw notFound("combination");
        if (!combination.covenantFileId) throw new AppError("NOT_FOUND", "the combination has no covenant yet");
        return store.readFile(tx, vault, combination.covenantFileId, clock.now());
      });
      return sendFile(reply, file, content);
    },
  );
}
