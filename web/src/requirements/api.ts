// What a tender asks (issue 6): its minimum requirements and, per segment, the selection criteria A–F.
import { request } from "../api.ts";

export type RequirementLevel = "tender" | "lot" | "segment" | "subsegment";

export interface Requirement {
  id: string;
  code: string;
  text: string;
  kind: "yes_no" | "reference";
  minClients: number | null;
  level: RequirementLevel;
  lotId: string | null;
  segmentId: string | null;
  subsegmentId: string | null;
  appliesToMembers: boolean;
  appliesToSubcontractors: boolean;
  position: number;
}

export interface Criterion {
  id: string;
  segmentId: string;
  letter: string;
  title: string;
  text: string;
  weight: number;
}

export interface TenderAsks {
  publishedAt: string | null;
  closesAt: string | null;
  bidValidDays: number;
  requirements: Requirement[];
  criteria: Criterion[];
  segments: { segmentId: string; threshold: number | null; scaleMax: number; weightTotal: number }[];
}

export const requirementsApi = {
  asks: (tenderId: string) => request<TenderAsks>("GET", `/api/tenders/${encodeURIComponent(tenderId)}/requirements`),
};
