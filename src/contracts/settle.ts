// The settle engine: lumpsum, advance payments and the year-end settlement against the
// tolerance band (bandbreedte), split per municipality. Pure: no I/O, no clock.
import { firstDaysOfMonths, firstDaysOfQuarters, type IsoDate } from "../platform/dates.ts";
import { big, type Cents, decimalRatio, divRoundHalfAway, splitByWeights, toCents } from "../platform/money.ts";
import type { SettleContract, SettlementInput } from "./schema.ts";

export interface Payment {
  due: IsoDate;
  amount: Cents;
}

export interface MunicipalityPart {
  municipality: string;
  lumpsum: Cents;
  settlement: Cents;
}

export interface ContractSettlement {
  id: string;
  provider: string;
  segment: string;
  lumpsum: Cents;
  deviation_pct: number;
  within_band: boolean;
  /** positive: the region pays extra; negative: the provider repays */
  settlement: Cents;
  payments: Payment[];
  per_municipality: MunicipalityPart[];
}

export interface SettlementResult {
  year: number;
  band_pct: number;
  mode: SettlementInput["mode"];
  contracts: ContractSettlement[];
  totals: { lumpsum: Cents; settlement: Cents };
}

/**
 * The settlement in cents. Worked in exact fractions: with band b = bn/bd percent,
 * above the band (realised − agreed·(1 + b/100))·amount = (realised·100·bd − agreed·(100·bd + bn))·amount / (100·bd).
 */
export function settlementOf(
  contract: Pick<SettleContract, "agreed_clients" | "realised_clients" | "amount_per_client">,
  bandPct: number,
  mode: SettlementInput["mode"],
): { withinBand: boolean; settlement: Cents } {
  const agreed = big(contract.agreed_clients);
  const realised = big(contract.realised_clients);
  const amount = big(contract.amount_per_client);
  const band = decimalRatio(bandPct);
  const deviation = realised - agreed;
  const absDeviation = deviation < 0n ? -deviation : deviation;
  // |deviation| / agreed × 100 ≤ band, edges inside the band
  const withinBand = absDeviation * 100n * band.den <= band.num * agreed;
  if (withinBand) return { withinBand, settlement: 0 };
  if (mode === "full") return { withinBand, settlement: toCents(deviation * amount) };
  const scale = 100n * band.den;
  const edge = deviation > 0n ? agreed * (scale + band.num) : agreed * (scale - band.num);
  return { withinBand, settlement: toCents(divRoundHalfAway((realised * scale - edge) * amount, scale)) };
}

const dueDates = new Map<string, IsoDate[]>();

/** Equal instalments in whole cents, paid in advance on the first day of each period; the remainder goes on the last. */
export function paymentsOf(lumpsum: Cents, year: number, frequency: SettlementInput["payment_frequency"]): Payment[] {
  const key = `${year}-${frequency}`;
  let dues = dueDates.get(key);
  if (!dues) {
    dues = frequency === "monthly" ? firstDaysOfMonths(year) : firstDaysOfQuarters(year);
    dueDates.set(key, dues);
  }
  const each = Math.floor(lumpsum / dues.length);
  return dues.map((due, i) => ({
    due,
    amount: i === dues.length - 1 ? lumpsum - each * (dues.length - 1) : each,
  }));
}

export function settleContract(
  contract: SettleContract,
  input: Omit<SettlementInput, "contracts">,
): ContractSettlement {
  const lumpsum = contract.agreed_clients * contract.amount_per_client;
  const { withinBand, settlement } = settlementOf(contract, input.band_pct, input.mode);
  const municipalities = Object.keys(contract.shares);
  const weights = municipalities.map((m) => contract.shares[m]!);
  const lumpsumParts = splitByWeights(lumpsum, weights);
  const settlementParts = splitByWeights(settlement, weights);
  return {
    id: contract.id,
    provider: contract.provider,
    segment: contract.segment,
    lumpsum,
    // (realised − agreed) × 100 is exact, so the division gives the nearest double to the exact percentage
    deviation_pct: ((contract.realised_clients - contract.agreed_clients) * 100) / contract.agreed_clients,
    within_band: withinBand,
    settlement,
    payments: paymentsOf(lumpsum, input.year, input.payment_frequency),
    per_municipality: municipalities.map((municipality, i) => ({
      municipality,
      lumpsum: lumpsumParts[i]!,
      settlement: settlementParts[i]!,
    })),
  };
}

export function settle(input: SettlementInput): SettlementResult {
  const contracts = input.contracts.map((c) => settleContract(c, input));
  let lumpsum = 0n;
  let settlement = 0n;
  for (const c of contracts) {
    lumpsum += BigInt(c.lumpsum);
    settlement += BigInt(c.settlement);
  }
  return {
    year: input.year,
    band_pct: input.band_pct,
    mode: input.mode,
    contracts,
    totals: { lumpsum: toCents(lumpsum), settlement: toCents(settlement) },
  };
}
