import { describe, expect, it } from "vitest";
import {
  approveRefusal,
  askerStatus,
  askingRefusal,
  draftRefusal,
  reopenedStatus,
  reopenRefusal,
  type Workflow,
  withdrawRefusal,
} from "./rules.ts";

const published = new Date("2021-04-01T08:00:00Z");
const deadline = new Date("2021-05-01T10:00:00Z");

describe("the question deadline", () => {
  it("accepts a question up to the last millisecond before the deadline", () => {
    expect(
      askingRefusal({ publishedAt: published, questionsCloseAt: deadline }, new Date(deadline.getTime() - 1)),
    ).toBeNull();
  });

  it("refuses a question at the deadline itself, naming it", () => {
    const refusal = askingRefusal({ publishedAt: published, questionsCloseAt: deadline }, deadline);
    expect(refusal?.rule).toBe("questions_closed");
    expect(refusal?.message).toContain(deadline.toISOString());
  });

  it("refuses questions before publication or without a deadline", () => {
    expect(askingRefusal({ publishedAt: null, questionsCloseAt: deadline }, published)?.rule).toBe(
      "questions_not_open",
    );
    expect(askingRefusal({ publishedAt: published, questionsCloseAt: null }, published)?.rule).toBe(
      "questions_not_open",
    );
  });
});

const q = (over: Partial<Workflow> = {}): Workflow => ({
  status: "drafted",
  visibility: "public",
  number: 4,
  assigneeId: "expert",
  draftedBy: "expert",
  ...over,
});

describe("four eyes", () => {
  it("refuses the drafter as approver", () => {
    expect(approveRefusal(q(), "expert")?.rule).toBe("four_eyes");
  });

  it("lets a second officer approve", () => {
    expect(approveRefusal(q(), "officer")).toBeNull();
  });

  it("needs a number for a public answer, not for a private one", () => {
    expect(approveRefusal(q({ number: null }), "officer")?.rule).toBe("number_required");
    expect(approveRefusal(q({ number: null, visibility: "private" }), "officer")).toBeNull();
  });

  it("approves only drafted answers, once", () => {
    expect(approveRefusal(q({ status: "assigned" }), "officer")?.rule).toBe("not_drafted");
    expect(approveRefusal(q({ status: "approved" }), "officer")?.rule).toBe("already_approved");
    expect(approveRefusal(q({ status: "published" }), "officer")?.rule).toBe("already_approved");
  });
});

describe("drafting", () => {
  it("is for the assignee or a procurement officer", () => {
    expect(draftRefusal(q({ status: "assigned" }), { id: "expert", isOfficer: false })).toBeNull();
    expect(draftRefusal(q({ status: "assigned" }), { id: "officer", isOfficer: true })).toBeNull();
    expect(draftRefusal(q({ status: "assigned" }), { id: "colleague", isOfficer: false })?.rule).toBe("not_assignee");
  });

  it("ends with approval and with withdrawal", () => {
    expect(draftRefusal(q({ status: "approved" }), { id: "expert", isOfficer: false })?.rule).toBe("already_approved");
    expect(draftRefusal(q({ status: "withdrawn" }), { id: "officer", isOfficer: true })?.rule).toBe("withdrawn");
  });
});

describe("reopening and withdrawing", () => {
  it("reopens drafted and approved answers back to the assignee, or to triage", () => {
    expect(reopenRefusal(q({ status: "approved" }))).toBeNull();
    expect(reopenedStatus(q())).toBe("assigned");
    expect(reopenedStatus(q({ assigneeId: null }))).toBe("new");
    expect(reopenRefusal(q({ status: "published" }))?.rule).toBe("already_published");
    expect(reopenRefusal(q({ status: "new" }))?.rule).toBe("not_drafted");
  });

  it("withdraws anything not yet answered", () => {
    expect(withdrawRefusal(q({ status: "approved" }))).toBeNull();
    expect(withdrawRefusal(q({ status: "answered" }))?.rule).toBe("already_published");
  });
});

describe("what the asker sees", () => {
  it("hides the workflow behind 'open'", () => {
    expect(["new", "assigned", "drafted", "approved"].map((s) => askerStatus(s as Workflow["status"]))).toEqual([
      "open",
      "open",
      "open",
      "open",
    ]);
    expect(askerStatus("answered")).toBe("answered");
  });
});
