import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { AuditInput } from '@/db/audit';
import type { IsoDate } from '@/lib/domain/dates';
import type { VentureStage } from '@/lib/domain/vocabulary';
import type { Stay, VentureRecord } from '@/lib/domain/stays';
import { invalid } from '@/lib/errors';
import { scopeIncludesCarrier, type Scope } from '@/lib/roles';
import type { Tx } from '../../client';
import { graduations, residencies, ventures } from '../../schema';
import { notifyOperatorsOfCarriers, type Notice } from '../accounts/notifications';

/**
 * A registered venture entering a new stay (docs/data-ownership.md): its row is locked first,
 * so that of two carriers admitting it at once one waits for the other and then sees its stay;
 * its stays and any graduation awaiting the committee are read after the lock.
 */
export type LockedVenture = VentureRecord & {
  id: number;
  creditCode: string;
  name: string;
  version: number;
  stage: VentureStage;
  currentCarrierId: number | null;
};

const LOOKUP_CHUNK = 1000;

/** Locks the ventures registered under these codes (in id order, so that batches cannot deadlock) and reads their stays. */
export async function lockVenturesByCode(tx: Tx, codes: readonly string[]): Promise<Map<string, LockedVenture>> {
  const out = new Map<string, LockedVenture>();
  const sorted = [...new Set(codes)].sort();
  for (let i = 0; i < sorted.length; i += LOOKUP_CHUNK) {
    const part = sorted.slice(i, i + LOOKUP_CHUNK);
    const rows = await tx
      .select({
        id: ventures.id,
        creditCode: ventures.creditCode,
        name: ventures.name,
        version: ventures.version,
        stage: ventures.stage,
        currentCarrierId: ventures.currentCarrierId,
      })
      .from(ventures)
      .where(inArray(ventures.creditCode, part))
      .orderBy(asc(ventures.id))
      .for('update');
    if (rows.length === 0) continue;
    const history = await staysOfVentures(
      tx,
      rows.map((r) => r.id),
    );
    for (const r of rows) {
      const h = history.get(r.id) ?? { stays: [], graduationPending: false };
      out.set(r.creditCode!, { ...r, creditCode: r.creditCode!, ...h });
    }
  }
  return out;
}

/** Each venture's stays in order, and whether a graduation of it awaits the committee. */
export async function staysOfVentures(tx: Tx, ventureIds: readonly number[]) {
  const out = new Map<number, { stays: Stay[]; graduationPending: boolean }>();
  if (ventureIds.length === 0) return out;
  const ids = [...ventureIds];
  const [stayRows, pendingRows] = await Promise.all([
    tx
      .select({ ventureId: residencies.ventureId, carrierId: residencies.carrierId, enteredOn: residencies.enteredOn, leftOn: residencies.leftOn })
      .from(residencies)
      .where(inArray(residencies.ventureId, ids))
      .orderBy(asc(residencies.enteredOn), asc(residencies.id)),
    tx
      .selectDistinct({ ventureId: graduations.ventureId })
      .from(graduations)
      .where(and(inArray(graduations.ventureId, ids), eq(graduations.status, 'pending'))),
  ]);
  for (const id of ids) out.set(id, { stays: [], graduationPending: false });
  for (const r of stayRows) out.get(r.ventureId)!.stays.push({ carrierId: r.carrierId, enteredOn: r.enteredOn, leftOn: r.leftOn });
  for (const r of pendingRows) out.get(r.ventureId)!.graduationPending = true;
  return out;
}

/** The exclusion constraint residencies_no_overlap refused a stay. */
export function isOverlapViolation(e: unknown): boolean {
  for (let err = e as { code?: string; constraint?: string; cause?: unknown } | undefined; err; err = err.cause as typeof err) {
    if (err.code === '23P01') return true;
  }
  return false;
}

/** What the user is told when the database refuses an overlapping stay that the checks above did not foresee. */
export const overlapRefusal = (field = 'enteredOn') => invalid({ [field]: [{ key: 'ownership.overlaps' }] });

/**
 * A venture whose last stay was in another operator's carrier has entered a new one: the earlier carrier's
 * operators are told (without the new carrier's records), and an audit entry under the earlier
 * carrier says so, so that its own log shows why the venture left its lists of current tenants.
 * Null when there is no one to tell.
 */
export function earlierCarrierNotice(
  v: { id: number; name: string; stays: readonly Stay[] },
  entry: { carrierId: number; enteredOn: IsoDate },
  scope: Scope,
): { carrierId: number; notice: Notice; audit: AuditInput } | null {
  const last = v.stays.at(-1);
  // Moving between carriers of the same operator tells them nothing new.
  if (!last || last.carrierId === entry.carrierId || scopeIncludesCarrier(scope, last.carrierId)) return null;
  return {
    carrierId: last.carrierId,
    notice: { kind: 'ownership.notice.admittedElsewhere', params: { name: v.name, date: entry.enteredOn }, link: `/operator/ventures/${v.id}` },
    audit: { action: 'venture.admitted_elsewhere', entity: 'venture', entityId: v.id, carrierId: last.carrierId, after: { enteredOn: entry.enteredOn } },
  };
}

/** The notices of `earlierCarrierNotice` for several entries, sent in one statement; their audit entries. */
export async function noticesToEarlierCarriers(
  tx: Tx,
  entries: readonly { venture: { id: number; name: string; stays: readonly Stay[] }; entry: { carrierId: number; enteredOn: IsoDate } }[],
  scope: Scope,
): Promise<AuditInput[]> {
  const notices = entries.flatMap(({ venture, entry }) => earlierCarrierNotice(venture, entry, scope) ?? []);
  await notifyOperatorsOfCarriers(tx, notices);
  return notices.map((n) => n.audit);
}

/** `noticesToEarlierCarriers` for one entry. */
export async function noticeToEarlierCarrier(
  tx: Tx,
  v: { id: number; name: string; stays: readonly Stay[] },
  entry: { carrierId: number; enteredOn: IsoDate },
  scope: Scope,
): Promise<AuditInput[]> {
  return noticesToEarlierCarriers(tx, [{ venture: v, entry }], scope);
}
