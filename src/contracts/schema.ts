// The settle input format of ENGINES.md: the single source of validation and of docs/schemas/settle-input.json.
import { z } from "zod";

const cents = z.int().min(0).describe("euro cents");
const clients = z.int().min(0).describe("unique clients");

export const settleContractSchema = z
  .object({
    id: z.string().min(1),
    provider: z.string().min(1),
    segment: z.string().min(1),
    agreed_clients: z.int().min(1).describe("agreed unique clients (afgesproken volume); at least 1"),
    amount_per_client: cents.describe("amount per unique client in euro cents"),
    realised_clients: clients.describe("realised unique clients in the year (gerealiseerd volume)"),
    key: z.string().optional().describe("which key the shares express: use, population or fixed (informative)"),
    shares: z
      .record(z.string().min(1), z.number().min(0))
      .describe("weights per municipality (CBS code) for splitting lumpsum and settlement"),
  })
  .superRefine((contract, ctx) => {
    const weights = Object.values(contract.shares);
    if (weights.length === 0 || weights.every((w) => w === 0)) {
      ctx.addIssue({
        code: "custom",
        path: ["shares"],
        message: "needs at least one municipality with a weight above 0",
      });
    }
    if (!Number.isSafeInteger(contract.agreed_clients * contract.amount_per_client)) {
      ctx.addIssue({ code: "custom", path: ["amount_per_client"], message: "lumpsum exceeds the exact cent range" });
    }
    // The whole deviation bounds the settlement in both modes; beyond it the cents are no longer exact.
    const deviation = Math.abs(contract.realised_clients - contract.agreed_clients);
    if (!Number.isSafeInteger(deviation * contract.amount_per_client)) {
      ctx.addIssue({ code: "custom", path: ["realised_clients"], message: "settlement exceeds the exact cent range" });
    }
  });

export const settlementInputSchema = z.object({
  year: z.int().min(1900).max(9999),
  band_pct: z.number().min(0).max(100).describe("tolerance band (bandbreedte) in percent, edges inside"),
  mode: z.enum(["beyond_band", "full"]).describe("settle only the part beyond the band, or the whole deviation"),
  payment_frequency: z.enum(["monthly", "quarterly"]),
  contracts: z.array(settleContractSchema).superRefine((contracts, ctx) => {
    // The totals must stay exact cents as well.
    let lumpsum = 0n;
    let settlement = 0n;
    for (const c of contracts) {
      lumpsum += BigInt(c.agreed_clients) * BigInt(c.amount_per_client);
      settlement += BigInt(Math.abs(c.realised_clients - c.agreed_clients)) * BigInt(c.amount_per_client);
    }
    if (lumpsum > BigInt(Number.MAX_SAFE_INTEGER) || settlement > BigInt(Number.MAX_SAFE_INTEGER)) {
      ctx.addIssue({
        code: "custom",
        message: "the contracts' lumpsums or settlements add up beyond the exact cent range",
      });
    }
  }),
});

export type SettlementInput = z.output<typeof settlementInputSchema>;
export type SettleContract = z.output<typeof settleContractSchema>;
