import 'server-only';
import { asc, count, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../client';
import { applications, programs } from '../../schema';

/** Programmes as the committee's filters and forms choose among them. Committee only: callers check the role. */

/** How many applications were made under a programme (its applicant type and mode are then fixed). */
export async function programmeApplicationCount(db: DbOrTx, programId: number): Promise<number> {
  const [r] = await db.select({ n: count() }).from(applications).where(eq(applications.programId, programId));
  return Number(r?.n ?? 0);
}

/** Programmes for the queue's filter, newest year first. */
export async function programmeChoices(db: DbOrTx) {
  return db
    .select({ id: programs.id, code: programs.code, nameZh: programs.nameZh, nameEn: programs.nameEn, year: programs.year })
    .from(programs)
    .orderBy(desc(programs.year), asc(programs.code));
}

/** Years that have programmes, newest first. */
export async function programmeYears(db: DbOrTx): Promise<number[]> {
  const rows = await db.selectDistinct({ year: programs.year }).from(programs).orderBy(desc(programs.year));
  return rows.map((r) => r.year);
}
