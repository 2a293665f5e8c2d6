import type { IsoDate } from './dates';

/**
 * The blacklist (失信记录, 沪科规〔2024〕12号; docs/domain.md). An entry is in force from its
 * effective date until its sanction ends (that day included; indefinite when none is set) or it
 * is lifted. While in force it stops approval and payment of its subject's applications and
 * flags its credit code at admission. db/queries/oversight/blacklist.ts `entryInForce` is the
 * same rule as a SQL condition; tests/integration/blacklist-in-force.test.ts holds them together.
 */
export type BlacklistTerm = { effectiveOn: IsoDate; sanctionEndsOn: IsoDate | null; liftedOn: IsoDate | null };

export function blacklistEntryInForce(entry: BlacklistTerm, today: IsoDate): boolean {
  return entry.liftedOn === null && entry.effectiveOn <= today && (entry.sanctionEndsOn === null || entry.sanctionEndsOn >= today);
}

/** The blacklist page's filter: in force today, lifted, sanction over, or the whole history. */
export const BLACKLIST_STATES = ['active', 'lifted', 'expired', 'all'] as const;
export type BlacklistState = (typeof BLACKLIST_STATES)[number];
