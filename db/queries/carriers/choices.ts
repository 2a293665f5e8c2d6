import 'server-only';
import { asc, count, eq, ilike, or } from 'drizzle-orm';
import type { DbOrTx } from '../../client';
import { carriers } from '../../schema';
import { pinyin } from '../shared/collation';
import { containsPattern } from '../shared/search';

/** The network's carriers as the committee's filters and forms choose among them. Committee only: callers check the role. */

/** Zones (街镇 / 园区) that carriers are in, for the queue's filter. */
export async function carrierZones(db: DbOrTx): Promise<string[]> {
  const rows = await db.selectDistinct({ zone: carriers.zone }).from(carriers).orderBy(asc(carriers.zone));
  return rows.map((r) => r.zone).filter((z): z is string => Boolean(z));
}

const choice = { id: carriers.id, name: carriers.name, nameEn: carriers.nameEn, kind: carriers.kind };
export type CarrierChoice = { id: number; name: string; nameEn: string | null; kind: (typeof carriers.$inferSelect)['kind'] };

/** Every carrier, for the blacklist's form and the filters of a network small enough to list. */
export async function allCarrierChoices(db: DbOrTx): Promise<CarrierChoice[]> {
  return db.select(choice).from(carriers).orderBy(pinyin(carriers.name));
}

/**
 * Above this many carriers, a committee filter finds carriers as one types their name
 * (searchCarrierChoices) instead of listing every one in the page: a city's or a nation's
 * network would put thousands of options into every filtered page.
 */
export const CARRIER_LIST_LIMIT = 300;

export type CarrierFilterChoices = { list: CarrierChoice[] } | { search: true; chosen: CarrierChoice | null };

/** What a committee filter of carriers offers: every carrier, or (in a larger network) the one chosen. */
export async function carrierFilterChoices(db: DbOrTx, chosenId: number | undefined): Promise<CarrierFilterChoices> {
  const [total] = await db.select({ n: count() }).from(carriers);
  if ((total?.n ?? 0) <= CARRIER_LIST_LIMIT) return { list: await allCarrierChoices(db) };
  const [chosen] = chosenId === undefined ? [] : await db.select(choice).from(carriers).where(eq(carriers.id, chosenId));
  return { search: true, chosen: chosen ?? null };
}

/** The carriers whose Chinese or English name holds `q`, at most `limit`, by name (trigram indexes). */
export async function searchCarrierChoices(db: DbOrTx, q: string, limit = 20): Promise<CarrierChoice[]> {
  const term = q.trim().slice(0, 100);
  if (!term) return [];
  const pattern = containsPattern(term);
  return db
    .select(choice)
    .from(carriers)
    .where(or(ilike(carriers.name, pattern), ilike(carriers.nameEn, pattern)))
    .orderBy(pinyin(carriers.name), asc(carriers.id))
    .limit(limit);
}
