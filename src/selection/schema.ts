// The select input format of ENGINES.md: the single source of validation and of docs/schemas/select-input.json.
import { z } from "zod";
import { compareRatio, decimalRatio } from "../platform/money.ts";

export const criterionSchema = z.object({
  id: z.string().min(1),
  weight: z.number().min(0).max(100).describe("weight in percent; the weights add up to 100"),
});

export const bidSchema = z.object({
  id: z.string().min(1),
  requirements_met: z.boolean().describe("all minimum requirements (yes/no) met"),
  failed_requirement: z.string().optional().describe("optional: the requirement that failed, for the reason"),
  scores: z.record(z.string(), z.number().min(0)).describe("consensus score per criterion id, 0 … scale_max"),
  subsegments: z.array(z.string().min(1)),
  municipalities: z.array(z.string().min(1)),
  specialisms: z.array(z.string().min(1)).default([]),
});

export const selectionInputSchema = z
  .object({
    criteria: z.array(criterionSchema).min(1),
    scale_max: z.number().positive(),
    threshold: z.number().min(0).max(100).describe("minimum total (0–100) to be eligible"),
    max_selected: z.int().min(0),
    k: z.int().min(0).describe("providers needed per cell where the bids allow it (keuzevrijheid)"),
    bids: z.array(bidSchema),
    lot_draw_seed: z.string().describe("seed of the lot draw that ends the tie-break"),
  })
  .superRefine((input, ctx) => {
    const ids = new Set<string>();
    input.criteria.forEach((c, i) => {
      if (ids.has(c.id))
        ctx.addIssue({ code: "custom", path: ["criteria", i, "id"], message: `duplicate criterion '${c.id}'` });
      ids.add(c.id);
    });
    const sum = input.criteria.reduce(
      (acc, c) => {
        const w = decimalRatio(c.weight);
        return { num: acc.num * w.den + w.num * acc.den, den: acc.den * w.den };
      },
      { num: 0n, den: 1n },
    );
    if (compareRatio(sum, { num: 100n, den: 1n }) !== 0) {
      ctx.addIssue({ code: "custom", path: ["criteria"], message: "weights must add up to 100" });
    }
    const bidIds = new Set<string>();
    input.bids.forEach((bid, i) => {
      if (bidIds.has(bid.id))
        ctx.addIssue({ code: "custom", path: ["bids", i, "id"], message: `duplicate bid id '${bid.id}'` });
      bidIds.add(bid.id);
      for (const c of input.criteria) {
        const score = bid.scores[c.id];
        if (score === undefined) {
          ctx.addIssue({ code: "custom", path: ["bids", i, "scores", c.id], message: "missing score" });
        } else if (score > input.scale_max) {
          ctx.addIssue({
            code: "custom",
            path: ["bids", i, "scores", c.id],
            message: `score ${score} is above scale_max ${input.scale_max}`,
          });
        }
      }
      for (const key of Object.keys(bid.scores)) {
        if (!ids.has(key))
          ctx.addIssue({ code: "custom", path: ["bids", i, "scores", key], message: "unknown criterion" });
      }
    });
  });

export type SelectionInput = z.output<typeof selectionInputSchema>;
export type Bid = z.output<typeof bidSchema>;
