import 'server-only';
import { asc } from 'drizzle-orm';
import type { DbOrTx } from '../../client';
import { carriers } from '../../schema';
import { pinyin } from '../shared/collation';

/** The network's carriers as the committee's filters and forms choose among them. Committee only: callers check the role. */

/** Zones (街镇 / 园区) that carriers are in, for the queue's filter. */
export async function carrierZones(db: DbOrTx): Promise<string[]> {
  const rows = await db.selectDistinct({ zone: carriers.zone }).from(carriers).orderBy(asc(carriers.zone));
  return rows.map((r) => r.zone).filter((z): z is string => Boolean(z));
}

/** Every carrier, for the queue's filter and the blacklist's form. */
export async function allCarrierChoices(db: DbOrTx) {
  return db.select({ id: carriers.id, name: carriers.name, nameEn: carriers.nameEn, kind: carriers.kind }).from(carriers).orderBy(pinyin(carriers.name));
}
