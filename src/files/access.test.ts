import { describe, expect, it } from "vitest";
import type { Role } from "../platform/policy.ts";
import {
  type BidState,
  bidFilesChangeRefusal,
  isCombinationMember,
  leadsCombination,
  mayReadBidFiles,
  mayReadCovenant,
  ownsBid,
  type Viewer,
} from "./access.ts";

const viewer = (role: Role, organisationId: string | null = null, segmentIds: string[] = []): Viewer => ({
  role,
  organisationId,
  segmentIds,
});
const bid: BidState = {
  bidderId: "zorgpartners",
  leadMemberId: null,
  segmentId: "jeugd-iaj",
  status: "draft",
  closesAt: new Date("2022-03-01T12:00:00Z"),
  openedAt: null,
};
const combinationBid: BidState = { ...bid, bidderId: "cooperatie", leadMemberId: "zorgpartners" };

describe("a bid's files", () => {
  it("belong to the bidder's providers, and for a combination to its lead member's", () => {
    expect(ownsBid(viewer("provider", "zorgpartners"), bid)).toBe(true);
    expect(ownsBid(viewer("provider", "zorgpartners"), combinationBid)).toBe(true);
    expect(ownsBid(viewer("provider", "cooperatie"), combinationBid)).toBe(true);
    expect(ownsBid(viewer("provider", "jeugdhulp-oost"), bid)).toBe(false);
    expect(ownsBid(viewer("procurement_officer"), bid)).toBe(false);
  });

  it("are read by no staff role before the opening", () => {
    for (const role of [
      "administrator",
      "procurement_officer",
      "assessor",
      "contract_manager",
      "municipality_viewer",
    ]) {
      expect(mayReadBidFiles(viewer(role as Role, null, ["jeugd-iaj"]), { ...bid, opened: false }), role).toBe(false);
    }
    expect(mayReadBidFiles(viewer("provider", "zorgpartners"), { ...bid, opened: false })).toBe(true);
  });

  it("are read after the opening by officers, and by assessors of the bid's segment only", () => {
    const opened = { ...bid, opened: true };
    expect(mayReadBidFiles(viewer("procurement_officer"), opened)).toBe(true);
    expect(mayReadBidFiles(viewer("assessor", null, ["jeugd-iaj"]), opened)).toBe(true);
    expect(mayReadBidFiles(viewer("assessor", null, ["wmo-hbh"]), opened)).toBe(false);
    expect(mayReadBidFiles(viewer("contract_manager"), opened)).toBe(false);
    expect(mayReadBidFiles(viewer("administrator"), opened)).toBe(false);
    expect(mayReadBidFiles(viewer("provider", "jeugdhulp-oost"), opened)).toBe(false);
  });

  it("change until the closing time on a draft or withdrawn bid, by the server's clock", () => {
    expect(bidFilesChangeRefusal(bid, new Date("2022-03-01T11:59:59Z"))).toBeNull();
    expect(bidFilesChangeRefusal({ ...bid, status: "withdrawn" }, new Date("2022-03-01T11:59:59Z"))).toBeNull();
    expect(bidFilesChangeRefusal(bid, new Date("2022-03-01T12:00:00Z"))).toEqual({
      rule: "closed",
      message: "the closing time (2022-03-01T12:00:00.000Z) has passed: a bid's files can no longer change",
    });
    expect(bidFilesChangeRefusal({ ...bid, status: "submitted" }, new Date("2022-02-01T00:00:00Z"))?.rule).toBe(
      "submitted",
    );
    expect(
      bidFilesChangeRefusal({ ...bid, openedAt: new Date("2022-02-01T00:00:00Z") }, new Date("2022-02-01"))?.rule,
    ).toBe("closed");
    expect(bidFilesChangeRefusal({ ...bid, closesAt: null }, new Date("2030-01-01"))).toBeNull();
  });
});

describe("a combination's covenant", () => {
  const combination = { leadMemberId: "zorgpartners", memberIds: ["zorgpartners", "thuiszorg-oost"] };

  it("is changed by the lead member's providers only", () => {
    expect(leadsCombination(viewer("provider", "zorgpartners"), combination)).toBe(true);
    expect(leadsCombination(viewer("provider", "thuiszorg-oost"), combination)).toBe(false);
    expect(isCombinationMember(viewer("provider", "thuiszorg-oost"), combination)).toBe(true);
  });

  it("is read by its members and the region's staff, not by other providers", () => {
    expect(mayReadCovenant(viewer("provider", "thuiszorg-oost"), combination)).toBe(true);
    expect(mayReadCovenant(viewer("contract_manager"), combination)).toBe(true);
    expect(mayReadCovenant(viewer("municipality_viewer"), combination)).toBe(true);
    expect(mayReadCovenant(viewer("provider", "jeugdhulp-oost"), combination)).toBe(false);
  });
});
