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

/** Whole yuan without cents, cents only when there are any: 15000000 fen -> "150,000", 12345 -> "123.45". */
function yuanFigure(fen: number): string {
  const yuan = formatYuan(fen);
  return yuan.endsWith('.00') ? yuan.slice(0, -3) : yuan;
}

/**
 * The figure of an amount in the unit the reader's money columns use: 万元 with two decimals in
 * Chinese ("15.00"), yuan in English ("150,000"). Column headers and messages say the unit:
 * "（万元）" and "(CNY)", "{amount} 万元" and "CNY {amount}".
 */
export function moneyFigure(locale: string, fen: number): string {
  return locale === 'en' ? yuanFigure(fen) : formatWan(fen);
}

/** An amount as the reader writes money: "15.00 万元" in Chinese, "CNY 150,000" in English. */
export function moneyText(locale: string, fen: number): string {
  return locale === 'en' ? `CNY ${yuanFigure(fen)}` : `${formatWan(fen)} 万元`;
}

/**
 * An amount where space is short: "15.00万" in Chinese, "¥150k" or "¥1.2m" in English
 * (at most one decimal, dropped when it is zero).
 */
export function moneyCompact(locale: string, fen: number): string {
  if (locale !== 'en') return `${formatWan(fen)}万`;
  const yuan = fen / FEN_PER_YUAN;
  const abs = Math.abs(yuan);
  const sign = yuan < 0 && abs >= 0.5 ? '-' : '';
  const scaled = (n: number, suffix: string) => `${sign}¥${n.toLocaleString('en-US', { maximumFractionDigits: 1 })}${suffix}`;
  if (abs >= 1e9) return scaled(abs / 1e9, 'bn');
  if (abs >= 1e6) return scaled(abs / 1e6, 'm');
  if (abs >= 1e3) return scaled(abs / 1e3, 'k');
  return scaled(Math.round(abs), '');
}
