/**
 * Money is integer fen (分) everywhere in the database and the domain. Screens show 万元
 * with two decimals; the official statistics forms use 千元.
 */
export const FEN_PER_YUAN = 100;
export const FEN_PER_WAN = 1_000_000; // 1 万元 = 10,000 元 = 1,000,000 分
export const FEN_PER_QIAN = 100_000; // 1 千元 = 1,000 元

function grouped(n: number, decimals: number): string {
  const s = n.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  // A small negative amount rounds to zero, which has no sign.
  return /^-0(\.0+)?$/.test(s) ? s.slice(1) : s;
}

/** 1234567890 fen -> "1,234.57" (万元). */
export function formatWan(fen: number): string {
  return grouped(fen / FEN_PER_WAN, 2);
}

/** 1234567890 fen -> "12,345.68" (千元). */
export function formatQian(fen: number): string {
  return grouped(fen / FEN_PER_QIAN, 2);
}

/** 123456 fen -> "1,234.56" (元). */
export function formatYuan(fen: number): string {
  return grouped(fen / FEN_PER_YUAN, 2);
}

/**
 * Parses an amount a person typed, in yuan (or in 万元 with unit 'wan'), into integer fen.
 * Accepts thousands separators and at most two decimals of the yuan (or six of the 万元);
 * refuses anything else rather than guessing. Never goes through floating point.
 */
export function parseAmountToFen(input: string, unit: 'yuan' | 'wan' = 'yuan'): number | null {
  const s = input.trim().replace(/[,，\s]/g, '');
  const decimals = unit === 'yuan' ? 2 : 6;
  const m = new RegExp(`^(\\d{1,13})(?:\\.(\\d{1,${decimals}}))?$`).exec(s);
  if (!m) return null;
  const whole = BigInt(m[1]!);
  const frac = BigInt((m[2] ?? '').padEnd(decimals, '0') || '0');
  const scale = unit === 'yuan' ? 100n : 1_000_000n;
  const fen = whole * scale + frac;
  if (fen > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return Number(fen);
}

/** Execution rate as a percentage with one decimal, e.g. 95.2; null when there is no budget. */
export function executionRate(paidFen: number, budgetFen: number): number | null {
  if (budgetFen <= 0) return null;
  return Math.round((paidFen * 1000) / budgetFen) / 10;
}
