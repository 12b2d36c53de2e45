// The lot draw of the tie-break rule: every eligible bid draws a lottery number per round,
// L_r(b) = 1 + (first 4 bytes of SHA-256(seed ␀ r ␀ bid id), big-endian, >>> 12), in 1 … 1,048,576.
import { sha256 } from "./sha256.ts";

export const LOTTERY_MAX = 1 << 20;

export function lotteryNumber(seed: string, round: number, bidId: string): number {
  const digest = sha256(new TextEncoder().encode(`${seed}\u0000${round}\u0000${bidId}`));
  const u32 = ((digest[0]! << 24) | (digest[1]! << 16) | (digest[2]! << 8) | digest[3]!) >>> 0;
  return 1 + (u32 >>> 12);
}
