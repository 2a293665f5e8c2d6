/**
 * Fen as a person types yuan, the inverse of the shared amount parser:
 * 1234500 -> "12345", 1234550 -> "12345.50", -5 -> "-0.05".
 */
export function fenToYuanInput(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = abs % 100;
  return cents === 0 ? `${sign}${yuan}` : `${sign}${yuan}.${String(cents).padStart(2, '0')}`;
}
