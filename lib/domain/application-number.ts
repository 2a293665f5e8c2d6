/**
 * An application's reference number: its programme's code and its id, six digits
 * (PD-2026-FH-03-000039). New applications and the demo network are numbered alike.
 */
export function applicationRefNo(programmeCode: string, id: number): string {
  return `${programmeCode}-${String(id).padStart(6, '0')}`;
}
