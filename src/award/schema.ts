// The allocate input format of ENGINES.md: the single source of validation and of docs/schemas/allocate-input.json.
import { z } from "zod";

export const offerSchema = z.object({
  provider: z.string().min(1),
  priority: z.number().optional().describe("1 comes first; equal priorities share what is left in proportion"),
  requested: z.int().min(0).describe("requested amount in euro cents"),
});

export const allocationInputSchema = z
  .object({
    macro_budget: z.int().min(0).describe("macro budget of the segment in euro cents"),
    mode: z.enum(["priority", "proportional"]),
    offers: z.array(offerSchema),
  })
  .superRefine((input, ctx) => {
    if (input.mode === "priority") {
      input.offers.forEach((offer, i) => {
        if (offer.priority === undefined) {
          ctx.addIssue({ code: "custom", path: ["offers", i, "priority"], message: "required in priority mode" });
        }
      });
    }
    const total = input.offers.reduce((sum, o) => sum + o.requested, 0);
    if (!Number.isSafeInteger(total)) {
      ctx.addIssue({
        code: "custom",
        path: ["offers"],
        message: "requested amounts add up beyond the exact cent range",
      });
    }
  });

export type AllocationInput = z.output<typeof allocationInputSchema>;
export type Offer = z.output<typeof offerSchema>;
