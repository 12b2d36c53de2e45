// The API of bids (issue 6): registering for a tender, a bid per segment, its content and
// completeness, submitting with a receipt, withdrawing; for officers the registrations before the
// closing time, extending it, the two-officer opening and the bids after it.
import type { BidContent } from "../../../src/bidding/content.ts";
import { request } from "../api.ts";
import type { StoredFile } from "../files/upload.ts";

export type BidStatus = "draft" | "submitted" | "withdrawn";

export interface Submission {
  version: number;
  sha256: string;
  submittedAt: string;
  validUntil: string;
  withdrawnAt: string | null;
}

export interface BidSummary {
  id: string;
  bidderId: string;
  status: BidStatus;
  updatedAt: string;
  lastSubmission: Submission | null;
}

export interface MyBids {
  closesAt: string | null;
  serverTime: string;
  open: boolean;
  publishedAt: string | null;
  registered: boolean;
  bidValidDays: number;
  actingAs: { organisationId: string; name: string; isCombination: boolean }[];
  segments: { segmentId: string; code: string; name: string; lotName: string; bid: BidSummary | null }[];
}

export type {
  BidContent,
  DossierEntry,
  Reference,
  RequirementAnswer,
  Subcontractor,
} from "../../../src/bidding/content.ts";

export interface Completeness {
  complete: boolean;
  missing: { field: string; message: string }[];
}

export interface Bid {
  id: string;
  tenderId: string;
  segmentId: string;
  bidderId: string;
  bidderName: string;
  status: BidStatus;
  content: BidContent;
  updatedAt: string;
  submissions: Submission[];
  completeness: Completeness;
}

export interface Receipt {
  bidId: string;
  version: number;
  submittedAt: string;
  sha256: string;
  validUntil: string;
  tenderName: string;
  segmentName: string;
  bidderName: string;
  files: { id: string; name: string; sha256: string }[];
}

export interface Opening {
  closesAt: string | null;
  serverTime: string;
  /** The closing time has passed, so the opening may start. */
  closed: boolean;
  /** Set once the second officer has confirmed. */
  openedAt: string | null;
  firstOfficer: { id: string; name: string } | null;
  firstConfirmedAt: string | null;
  secondOfficer: { id: string; name: string } | null;
  secondConfirmedAt: string | null;
}

export interface Extension {
  closesAt: string;
  previousClosesAt: string;
  reason: string;
  extendedAt: string;
}

export interface Registrations {
  closesAt: string | null;
  openedAt: string | null;
  registrations: { organisationId: string; name: string; registeredAt: string }[];
  bidCount: number;
  submittedCount: number;
  extensions: Extension[];
  opening: Opening;
}

/** A bid as officers see it after the opening: the version that counts. */
export interface OpenedBid {
  id: string;
  segmentId: string;
  segmentName: string;
  bidderId: string;
  bidderName: string;
  version: number;
  sha256: string;
  submittedAt: string;
  validUntil: string;
  content: BidContent;
  files: { id: string; sha256: string; sizeBytes: number; mediaType: string }[];
}

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
