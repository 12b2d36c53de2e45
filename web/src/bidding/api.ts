// The API of bids (issue 6): registering for a tender, a bid per segment, its content and
// completeness, submitting with a receipt, withdrawing; for officers the registrations before the
// closing time, extending it, the two-officer opening and the bids after it.

import type { z } from "zod";
import type { BidContent } from "../../../src/bidding/content.ts";
import type * as schemas from "../../../src/bidding/schemas.ts";
import { request } from "../api.ts";
import type { StoredFile } from "../files/upload.ts";

// The answers' types are the server's own response schemas, so the two cannot drift apart.
export type Submission = z.infer<typeof schemas.SubmissionSummarySchema>;
export type MyBids = z.infer<typeof schemas.MyBidsSchema>;
export type BidSummary = NonNullable<MyBids["segments"][number]["bid"]>;
export type BidStatus = BidSummary["status"];
export type Bid = z.infer<typeof schemas.BidSchema>;
export type Completeness = Bid["completeness"];
export type Receipt = z.infer<typeof schemas.ReceiptSchema>;
export type Opening = z.infer<typeof schemas.OpeningSchema>;
export type Extension = z.infer<typeof schemas.ExtensionSchema>;
export type Registrations = z.infer<typeof schemas.RegistrationsSchema>;
/** A bid as officers see it after the opening: the version that counts. */
export type OpenedBid = z.infer<typeof schemas.OpenedBidsSchema>["bids"][number];

export type {
  BidContent,
  DossierEntry,
  Reference,
  RequirementAnswer,
  Subcontractor,
} from "../../../src/bidding/content.ts";

const tenderPath = (id: string) => `/api/tenders/${encodeURIComponent(id)}`;
export const bidPath = (id: string) => `/api/bids/${encodeURIComponent(id)}`;

export const biddingApi = {
  myBids: (tenderId: string) => request<MyBids>("GET", `${tenderPath(tenderId)}/my-bids`),
  register: (tenderId: string) =>
    request<{ tenderId: string; organisationId: string; registeredAt: string }>(
      "POST",
      `${tenderPath(tenderId)}/registrations`,
    ),
  createBid: (tenderId: string, segmentId: string, bidderId?: string) =>
    request<Bid>("POST", `${tenderPath(tenderId)}/bids`, { segmentId, ...(bidderId ? { bidderId } : {}) }),
  bid: (bidId: string) => request<Bid>("GET", bidPath(bidId)),
  saveContent: (bidId: string, content: BidContent) => request<Bid>("PUT", `${bidPath(bidId)}/content`, content),
  submit: (bidId: string) => request<Receipt>("POST", `${bidPath(bidId)}/submit`),
  withdraw: (bidId: string) => request<Bid>("POST", `${bidPath(bidId)}/withdraw`),
  files: (bidId: string) => request<StoredFile[]>("GET", `${bidPath(bidId)}/files`),
  deleteFile: (fileId: string) => request<unknown>("DELETE", `/api/files/${encodeURIComponent(fileId)}`),
  filesUrl: (bidId: string) => `${bidPath(bidId)}/files`,
  fileUrl: (fileId: string) => `/api/files/${encodeURIComponent(fileId)}`,
  submissionUrl: (bidId: string, version: number) => `${bidPath(bidId)}/submissions/${version}`,
  receiptPdfUrl: (bidId: string, version: number) => `${bidPath(bidId)}/submissions/${version}/receipt.pdf`,

  registrations: (tenderId: string) => request<Registrations>("GET", `${tenderPath(tenderId)}/registrations`),
  extend: (tenderId: string, closesAt: string, reason: string) =>
    request<unknown>("POST", `${tenderPath(tenderId)}/closing-time/extensions`, { closesAt, reason }),
  opening: (tenderId: string) => request<Opening>("GET", `${tenderPath(tenderId)}/opening`),
  confirmOpening: (tenderId: string) => request<Opening>("POST", `${tenderPath(tenderId)}/opening`),
  openedBids: (tenderId: string) =>
    request<{ openedAt: string; bids: OpenedBid[] }>("GET", `${tenderPath(tenderId)}/bids`),
};

/** The SHA-256 of bytes as lower-case hex, computed by the browser. */
export async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Fetches exactly the submitted bytes and hashes them in the browser. */
export async function hashSubmission(bidId: string, version: number): Promise<string> {
  const response = await fetch(biddingApi.submissionUrl(bidId, version), { credentials: "same-origin" });
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
  return sha256Hex(await response.arrayBuffer());
}
