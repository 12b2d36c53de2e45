import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ActiveBid, addedViolations, biddingViolations, type Party } from "./rules.ts";

// Four single providers and three combinations; combinations share members the way a region does.
const single = (id: string, kvkNumber: string): Party => ({ id, name: id, kvkNumber });
const PARTIES = new Map<string, Party>(
  [
    single("zorgpartners", "41087234"),
    single("jeugdhulp", "73529016"),
    single("thuiszorg", "60000003"),
    single("wijkteam", "60000004"),
    { id: "coop-a", name: "coop-a", kvkNumber: "70000001", memberIds: ["zorgpartners", "jeugdhulp"] },
    { id: "coop-b", name: "coop-b", kvkNumber: null, memberIds: ["jeugdhulp", "thuiszorg"] },
    { id: "consortium", name: "consortium", kvkNumber: "70000003", memberIds: ["thuiszorg", "wijkteam"] },
  ].map((p) => [p.id, p]),
);
/** A subcontractor without an account, known only by its KvK number. */
const SUBCONTRACTOR_KVK = "80000008";

let next = 0;
const bid = (bidderId: string, segmentId: string, subcontractorKvks: string[] = []): ActiveBid => ({
  id: `bid-${++next}`,
  segmentId,
  bidderId,
  subcontractorKvks,
});
const rules = (bids: ActiveBid[]) => biddingViolations(PARTIES, bids).map((v) => [v.rule, v.organisationId]);

describe("who may bid", () => {
  it("allows one bid per segment per main contractor, in as many segments as it likes", () => {
    expect(rules([bid("zorgpartners", "iaj"), bid("zorgpartners", "gwv"), bid("jeugdhulp", "iaj")])).toEqual([]);
  });

  it("refuses a second bid of the same main contractor in one segment", () => {
    const violations = biddingViolations(PARTIES, [bid("zorgpartners", "iaj"), bid("zorgpartners", "iaj")]);
    expect(violations.map((v) => v.rule)).toEqual(["one_bid_per_segment"]);
    expect(violations[0]!.message).toContain("at most one bid per segment");
  });

  it("refuses a provider that bids alone and also as member of a combination, in any segments", () => {
    expect(rules([bid("jeugdhulp", "iaj"), bid("coop-a", "gwv")])).toEqual([["alone_and_in_combination", "jeugdhulp"]]);
  });

  it("refuses a provider that is a member of two bidding combinations", () => {
    expect(rules([bid("coop-a", "iaj"), bid("coop-b", "gwv")])).toEqual([["two_combinations", "jeugdhulp"]]);
  });

  it("lets a provider be a member of a second combination that does not bid", () => {
    expect(rules([bid("coop-a", "iaj")])).toEqual([]);
  });

  it("refuses a subcontractor that also bids as main contractor, alone or through a combination", () => {
    expect(rules([bid("jeugdhulp", "iaj", ["41087234"]), bid("zorgpartners", "gwv")])).toEqual([
      ["subcontractor_as_main", "zorgpartners"],
    ]);
    expect(rules([bid("wijkteam", "iaj", ["41087234"]), bid("coop-a", "gwv")])).toEqual([
      ["subcontractor_as_main", "zorgpartners"],
    ]);
    // A combination named as subcontractor by its own KvK number is a main contractor too.
    expect(rules([bid("zorgpartners", "iaj", ["70000003"]), bid("consortium", "gwv")])).toEqual([
      ["subcontractor_as_main", "consortium"],
    ]);
  });

  it("lets a subcontractor serve several main contractors", () => {
    expect(
      rules([
        bid("zorgpartners", "iaj", [SUBCONTRACTOR_KVK]),
        bid("jeugdhulp", "iaj", [SUBCONTRACTOR_KVK, "60000004"]),
        bid("thuiszorg", "gwv", [SUBCONTRACTOR_KVK, "60000004"]),
      ]),
    ).toEqual([]);
  });
});

describe("judging a change by what it adds", () => {
  it("ignores violations the tender already had", () => {
    const before = [bid("jeugdhulp", "iaj"), bid("coop-a", "gwv")];
    const after = [...before, bid("thuiszorg", "iaj")];
    expect(biddingViolations(PARTIES, after)).toHaveLength(1);
    expect(addedViolations({ parties: PARTIES, bids: before }, { parties: PARTIES, bids: after })).toEqual([]);
  });

  it("still names a new violation next to an old one", () => {
    const before = [bid("jeugdhulp", "iaj"), bid("coop-a", "gwv")];
    const after = [...before, bid("coop-b", "hcwv")];
    const added = addedViolations({ parties: PARTIES, bids: before }, { parties: PARTIES, bids: after });
    expect(added.map((v) => [v.rule, v.organisationId])).toEqual([["two_combinations", "jeugdhulp"]]);
  });

  it("sees a change of membership: a member joining a bidding combination while it bids alone", () => {
    const bids = [bid("thuiszorg", "iaj"), bid("coop-a", "gwv")];
    const grown = new Map(PARTIES);
    grown.set("coop-a", { ...PARTIES.get("coop-a")!, memberIds: ["zorgpartners", "jeugdhulp", "thuiszorg"] });
    const added = addedViolations({ parties: PARTIES, bids }, { parties: grown, bids });
    expect(added.map((v) => v.rule)).toEqual(["alone_and_in_combination"]);
  });
});

// Property: a tender built only through changes that addedViolations allowed never breaks a rule.
const KVKS = [...[...PARTIES.values()].flatMap((p) => (p.kvkNumber ? [p.kvkNumber] : [])), SUBCONTRACTOR_KVK];
const change = fc.oneof(
  fc.record({
    kind: fc.constant("add" as const),
    bidderId: fc.constantFrom(...PARTIES.keys()),
    segmentId: fc.constantFrom("iaj", "gwv", "hcwv"),
    subcontractorKvks: fc.uniqueArray(fc.constantFrom(...KVKS), { maxLength: 2 }),
  }),
  fc.record({ kind: fc.constant("withdraw" as const), index: fc.nat() }),
);

describe("properties", () => {
  it("a state reached only through allowed changes has no violations", () => {
    fc.assert(
      fc.property(fc.array(change, { maxLength: 30 }), (changes) => {
        let bids: ActiveBid[] = [];
        for (const [i, c] of changes.entries()) {
          const proposed =
            c.kind === "add"
              ? [
                  ...bids,
                  { id: `b${i}`, bidderId: c.bidderId, segmentId: c.segmentId, subcontractorKvks: c.subcontractorKvks },
                ]
              : bids.filter((_, j) => bids.length === 0 || j !== c.index % bids.length);
          const added = addedViolations({ parties: PARTIES, bids }, { parties: PARTIES, bids: proposed });
          if (added.length === 0) bids = proposed;
        }
        expect(biddingViolations(PARTIES, bids)).toEqual([]);
      }),
    );
  });

  it("withdrawing a bid never adds a violation", () => {
    const anyBid = fc.record({
      bidderId: fc.constantFrom(...PARTIES.keys()),
      segmentId: fc.constantFrom("iaj", "gwv"),
      subcontractorKvks: fc.uniqueArray(fc.constantFrom(...KVKS), { maxLength: 2 }),
    });
    fc.assert(
      fc.property(fc.array(anyBid, { minLength: 1, maxLength: 12 }), fc.nat(), (raw, pick) => {
        const bids = raw.map((b, i) => ({ ...b, id: `b${i}` }));
        const withdrawn = bids.filter((_, i) => i !== pick % bids.length);
        expect(addedViolations({ parties: PARTIES, bids }, { parties: PARTIES, bids: withdrawn })).toEqual([]);
      }),
    );
  });
});
