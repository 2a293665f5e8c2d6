import 'server-only';
import { and, count, desc, eq, gte, ilike, inArray, isNotNull, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { writeAudit, type Actor } from '@/db/audit';
import type { BlacklistState } from '@/lib/domain/blacklist';
import { conflict, invalid, notFound } from '@/lib/errors';
import type { BlacklistInput, LiftInput } from '@/lib/validation/subsidies';
import type { Db, DbOrTx } from '../../client';
import { blacklistEntries, carriers, ventures, type BlacklistEntry } from '../../schema';
import type { BlacklistSubject as SubjectType } from '@/lib/domain/vocabulary';
import { containsPattern } from '../shared/search';

/**
 * The blacklist (失信记录, 沪科规〔2024〕12号): a venture is listed by its credit code, a carrier
 * by the carrier. When an entry is in force is lib/domain/blacklist.ts's rule (entryInForce
 * below is its SQL). Committee only: callers check the role.
 */

/** Who may be listed: a venture (by id and/or credit code) or a carrier. */
export type BlacklistSubject = { kind: 'venture'; ventureId?: number | null; creditCode?: string | null } | { kind: 'carrier'; carrierId: number };

/** The key a subject's entries are found under in activeBlacklistFor's answer. */
export function subjectKey(s: BlacklistSubject): string {
  if (s.kind === 'carrier') return `carrier:${s.carrierId}`;
  return s.creditCode ? `code:${s.creditCode}` : `venture:${s.ventureId}`;
}

/** The entries in force on `today`, as a condition on blacklist_entries (lib/domain/blacklist.ts blacklistEntryInForce). */
export const entryInForce = (today: string) =>
  and(
    isNull(blacklistEntries.liftedOn),
    lte(blacklistEntries.effectiveOn, today),
    or(isNull(blacklistEntries.sanctionEndsOn), gte(blacklistEntries.sanctionEndsOn, today)),
  );

/**
 * Entries in force on `today` against any of the subjects, in one query, keyed by subjectKey.
 * A venture's entry matches its credit code, or its id for a team without one.
 */
export async function activeBlacklistFor(db: DbOrTx, subjects: readonly BlacklistSubject[], today: string): Promise<Map<string, BlacklistEntry[]>> {
  const out = new Map<string, BlacklistEntry[]>();
  const codes = [...new Set(subjects.flatMap((s) => (s.kind === 'venture' && s.creditCode ? [s.creditCode] : [])))];
  const ventureIds = [...new Set(subjects.flatMap((s) => (s.kind === 'venture' && !s.creditCode && s.ventureId ? [s.ventureId] : [])))];
  const carrierIds = [...new Set(subjects.flatMap((s) => (s.kind === 'carrier' ? [s.carrierId] : [])))];
  const who: SQL[] = [];
  if (codes.length) who.push(and(eq(blacklistEntries.subjectType, 'venture'), inArray(blacklistEntries.creditCode, codes))!);
  if (ventureIds.length) who.push(and(eq(blacklistEntries.subjectType, 'venture'), inArray(blacklistEntries.ventureId, ventureIds))!);
  if (carrierIds.length) who.push(and(eq(blacklistEntries.subjectType, 'carrier'), inArray(blacklistEntries.carrierId, carrierIds))!);
  if (who.length === 0) return out;
  const rows = await db
    .select()
    .from(blacklistEntries)
    .where(and(entryInForce(today), or(...who)));
  for (const r of rows) {
    const keys =
      r.subjectType === 'carrier'
        ? [`carrier:${r.carrierId}`]
        : [r.creditCode ? `code:${r.creditCode}` : null, r.ventureId ? `venture:${r.ventureId}` : null].filter((k): k is string => k !== null);
    for (const k of keys) out.set(k, [...(out.get(k) ?? []), r]);
  }
  return out;
}

/** Whether one subject is listed today. */
export async function isBlacklisted(db: DbOrTx, subject: BlacklistSubject, today: string): Promise<boolean> {
  return (await activeBlacklistFor(db, [subject], today)).has(subjectKey(subject));
}

/** Lists a venture (by credit code; linked to its record when one is registered) or a carrier. */
export async function addBlacklistEntry(db: Db, actor: Actor, input: BlacklistInput): Promise<{ entryId: number }> {
  if (input.sanctionEndsOn && input.sanctionEndsOn < input.effectiveOn) {
    throw invalid({ sanctionEndsOn: [{ key: 'subsidyErrors.sanctionBeforeEffective' }] });
  }
  return db.transaction(async (tx) => {
    let subject: { ventureId: number | null; carrierId: number | null; subjectName: string; creditCode: string | null };
    if (input.subjectType === 'venture') {
      const [v] = await tx.select({ id: ventures.id }).from(ventures).where(eq(ventures.creditCode, input.creditCode));
      subject = { ventureId: v?.id ?? null, carrierId: null, subjectName: input.subjectName, creditCode: input.creditCode };
    } else {
      const [c] = await tx
        .select({ id: carriers.id, name: carriers.name, creditCode: carriers.creditCode })
        .from(carriers)
        .where(eq(carriers.id, input.carrierId));
      if (!c) throw invalid({ carrierId: [{ key: 'choice' }] });
      subject = { ventureId: null, carrierId: c.id, subjectName: c.name, creditCode: c.creditCode };
    }
    const values = {
      subjectType: input.subjectType,
      ...subject,
      misconduct: input.misconduct,
      outcome: input.outcome,
      handlingBody: input.handlingBody,
      legalBasis: input.legalBasis,
      effectiveOn: input.effectiveOn,
      sanctionEndsOn: input.sanctionEndsOn ?? null,
      createdBy: actor.userId,
    };
    const [row] = await tx.insert(blacklistEntries).values(values).returning({ id: blacklistEntries.id });
    await writeAudit(tx, actor, { action: 'blacklist.add', entity: 'blacklist_entry', entityId: row!.id, carrierId: subject.carrierId, after: values });
    return { entryId: row!.id };
  });
}

/** Lifts an entry with the reason; an entry lifted meanwhile is a conflict. */
export async function liftBlacklistEntry(db: Db, actor: Actor, input: LiftInput): Promise<void> {
  await db.transaction(async (tx) => {
    const [entry] = await tx.select().from(blacklistEntries).where(eq(blacklistEntries.id, input.entryId));
    if (!entry) throw notFound();
    if (input.liftedOn < entry.effectiveOn) throw invalid({ liftedOn: [{ key: 'subsidyErrors.liftBeforeEffective' }] });
    const [lifted] = await tx
      .update(blacklistEntries)
      .set({ liftedOn: input.liftedOn, liftedBy: actor.userId, liftReason: input.reason })
      .where(and(eq(blacklistEntries.id, input.entryId), isNull(blacklistEntries.liftedOn)))
      .returning({ id: blacklistEntries.id });
    if (!lifted) throw conflict();
    await writeAudit(tx, actor, {
      action: 'blacklist.lift',
      entity: 'blacklist_entry',
      entityId: entry.id,
      carrierId: entry.carrierId,
      before: { liftedOn: null },
      after: { liftedOn: input.liftedOn, liftReason: input.reason },
    });
  });
}

export type BlacklistFilter = {
  /** 'active': in force today; 'lifted'; 'expired': sanction over; 'all' (the history). */
  state?: BlacklistState;
  subjectType?: SubjectType;
  /** Part of the name or the credit code. */
  q?: string;
  page: number;
  pageSize: number;
};

/** The blacklist with its history, newest first. */
export async function listBlacklist(db: DbOrTx, today: string, f: BlacklistFilter): Promise<{ rows: BlacklistEntry[]; total: number }> {
  const state: SQL | undefined =
    f.state === 'active'
      ? entryInForce(today)
      : f.state === 'lifted'
        ? isNotNull(blacklistEntries.liftedOn)
        : f.state === 'expired'
          ? and(isNull(blacklistEntries.liftedOn), sql`${blacklistEntries.sanctionEndsOn} < ${today}`)
          : undefined;
  const q = f.q?.trim();
  const where = and(
    state,
    f.subjectType ? eq(blacklistEntries.subjectType, f.subjectType) : undefined,
    q ? or(ilike(blacklistEntries.subjectName, containsPattern(q)), eq(blacklistEntries.creditCode, q.toUpperCase())) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(blacklistEntries)
      .where(where)
      .orderBy(desc(blacklistEntries.effectiveOn), desc(blacklistEntries.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(blacklistEntries).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
