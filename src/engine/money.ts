/** Money is integer fen (分) inside the engine; yuan only at the file and screen boundary. */

/** Yuan → fen, rounding half up once (course rule: every computation rounds half up). */
export function yuanToFen(yuan: number): number {
  // The epsilon absorbs binary noise such as 1.005 * 100 = 100.49999999999999.
  return Math.floor(yuan * 100 + 0.5 + 1e-7);
}

export function fenToYuan(fen: number): number {
  return fen / 100;
}

/** a × rate in fen, rounded half up: used wherever a price or a fee is formed from a rate. */
export function mulRoundHalfUp(fen: number, rate: number): number {
  return Math.floor(fen * rate + 0.5 + 1e-7);
}

/** True when a yuan amount has at most two decimals (one fen is the smallest unit). */
export function hasAtMostTwoDecimals(yuan: number): boolean {
  const fen = yuan * 100;
  return Math.abs(fen - Math.round(fen)) < 1e-6;
}

export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
