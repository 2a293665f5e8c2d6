import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import type { DatabaseHandle, Db } from '@/db/connect';
import * as schema from '@/db/schema';
import { residencies, ventures } from '@/db/schema';
import { buildCreditCode } from '@/lib/domain/credit-code';

let n = 0;
const unique = () => `${Date.now().toString(36)}${(n++).toString(36)}`;
let org = 0;
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** An organisation code of 8 characters, unique per call, that no other fixture file uses (prefix MB). */
function nextOrg(): string {
  let v = org++;
  let s = '';
  for (let i = 0; i < 6; i++) {
    s = CHARSET[v % CHARSET.length] + s;
    v = Math.floor(v / CHARSET.length);
  }
  return `MB${s}`;
}

export type Stay = { enteredOn: string; leftOn?: string; stage?: 'nursery' | 'incubating' | 'accelerating' };

/** Companies with one residency each in a carrier, inserted in bulk. */
export async function makeResidents(db: Db, carrierId: number, stays: Stay[], namePrefix = '报表企业') {
  if (stays.length === 0) return [];
  const vs = await db
    .insert(ventures)
    .values(
      stays.map((s, i) => ({
        kind: 'company' as const,
        name: `${namePrefix}${unique()}-${String(i).padStart(4, '0')}`,
        creditCode: buildCreditCode('91', '310115', nextOrg()),
        industry: 'software' as const,
        foundedOn: '2025-01-01',
        stage: s.leftOn ? ('exited' as const) : (s.stage ?? 'incubating'),
        currentCarrierId: s.leftOn ? null : carrierId,
      })),
    )
    .returning();
  await db.insert(residencies).values(
    stays.map((s, i) => ({
      ventureId: vs[i]!.id,
      carrierId,
      stage: s.stage ?? ('incubating' as const),
      enteredOn: s.enteredOn,
      leftOn: s.leftOn ?? null,
      exitReason: s.leftOn ? ('moved' as const) : null,
    })),
  );
  return vs;
}

/** Another residency of an existing venture (it moved on to a second carrier). */
export async function addStay(db: Db, ventureId: number, carrierId: number, stay: Stay) {
  await db.insert(residencies).values({
    ventureId,
    carrierId,
    stage: stay.stage ?? 'incubating',
    enteredOn: stay.enteredOn,
    leftOn: stay.leftOn ?? null,
    exitReason: stay.leftOn ? 'moved' : null,
  });
}

/** A second handle on the same database that counts the statements sent through it. */
export function countingDb(handle: DatabaseHandle): { db: Db; count: () => number; reset: () => void } {
  let statements = 0;
  const logger = { logQuery: () => void statements++ };
  const client = (handle.db as unknown as { $client: PGlite | pg.Pool }).$client;
  const db = (handle.mode === 'postgres'
    ? drizzlePg({ client: client as pg.Pool, schema, logger })
    : drizzlePglite({ client: client as PGlite, schema, logger })) as unknown as Db;
  return { db, count: () => statements, reset: () => void (statements = 0) };
}
