import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../client';
import { applications, carriers, graduations, programs, residencies, users, ventureFinancings, ventureReports, ventures } from '../../schema';

/** The kinds of record whose ids an audit entry holds and a reader knows by name. */
export const NAMED_KINDS = ['carrier', 'user', 'programme', 'venture', 'application', 'report', 'residency', 'graduation', 'financing'] as const;
export type NamedKind = (typeof NAMED_KINDS)[number];

/** What the records of a page of entries are called, as stored (both languages where there are two). */
export type StoredNames = {
  carrier: { id: number; name: string; nameEn: string | null }[];
  user: { id: number; name: string }[];
  programme: { id: number; name: string; nameEn: string | null }[];
  venture: { id: number; name: string }[];
  application: { id: number; name: string }[];
  /** A quarterly report, known by its venture and quarter. */
  report: { id: number; name: string; year: number; quarter: number }[];
  /** A stay, a graduation and a financing round, known by their venture. */
  residency: { id: number; name: string }[];
  graduation: { id: number; name: string }[];
  financing: { id: number; name: string }[];
};

const noRows = Promise.resolve([]);

/**
 * The names of the records a page of audit entries refers to: one query per kind of record for all
 * the ids of the page (never one per entry), none for a kind with no ids.
 */
export async function auditRecordNames(db: DbOrTx, ids: Partial<Record<NamedKind, readonly number[]>>): Promise<StoredNames> {
  const of = (kind: NamedKind) => [...new Set(ids[kind] ?? [])];
  const [carrier, user, programme, venture, application, report, residency, graduation, financing] = await Promise.all([
    of('carrier').length
      ? db
          .select({ id: carriers.id, name: carriers.name, nameEn: carriers.nameEn })
          .from(carriers)
          .where(inArray(carriers.id, of('carrier')))
      : noRows,
    of('user').length
      ? db
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(inArray(users.id, of('user')))
      : noRows,
    of('programme').length
      ? db
          .select({ id: programs.id, name: programs.nameZh, nameEn: programs.nameEn })
          .from(programs)
          .where(inArray(programs.id, of('programme')))
      : noRows,
    of('venture').length
      ? db
          .select({ id: ventures.id, name: ventures.name })
          .from(ventures)
          .where(inArray(ventures.id, of('venture')))
      : noRows,
    of('application').length
      ? db
          .select({ id: applications.id, name: applications.refNo })
          .from(applications)
          .where(inArray(applications.id, of('application')))
      : noRows,
    of('report').length
      ? db
          .select({ id: ventureReports.id, name: ventures.name, year: ventureReports.year, quarter: ventureReports.quarter })
          .from(ventureReports)
          .innerJoin(ventures, eq(ventures.id, ventureReports.ventureId))
          .where(inArray(ventureReports.id, of('report')))
      : noRows,
    ventureNamesOf(db, residencies, of('residency')),
    ventureNamesOf(db, graduations, of('graduation')),
    ventureNamesOf(db, ventureFinancings, of('financing')),
  ]);
  return { carrier, user, programme, venture, application, report, residency, graduation, financing } as StoredNames;
}

/** The records of a table with a venture (stays, graduations, financing rounds) by their venture's name, in one query. */
function ventureNamesOf(db: DbOrTx, table: typeof residencies | typeof graduations | typeof ventureFinancings, ids: number[]) {
  if (ids.length === 0) return noRows;
  return db.select({ id: table.id, name: ventures.name }).from(table).innerJoin(ventures, eq(ventures.id, table.ventureId)).where(inArray(table.id, ids));
}
