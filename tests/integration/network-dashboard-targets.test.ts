import { beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { annualTargets, auditLog } from '@/db/schema';
import { createTarget, updateTarget, targetInput, targetProgress, KNOWN_METRICS, type TargetFigures } from '@/db/queries/network/targets';
import { dashboardTables } from '@/lib/server/exports/dashboard-tables';
import { DomainError } from '@/lib/errors';
import { committeeId, expectedCarriers, graduatedIn, handle, overview, reportYearOf, YEAR } from '../helpers/network-dashboard-setup';

/** Who the mocked session says is calling, for the action and the export route. */
const session = vi.hoisted(() => ({ role: 'committee' as 'operator' | 'committee' | 'admin', id: 1 }));
vi.mock('@/db/client', () => ({ getDb: () => handle.db }));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ origin: 'http://portal.test', host: 'portal.test' }) }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
vi.mock('next-intl/server', () => ({
  getTranslations: async () => Object.assign((key: string) => key, { has: () => false }),
  getLocale: async () => 'zh-CN',
}));
vi.mock('@/lib/server/authz', () => ({
  requireRole: async (...roles: string[]) => {
    if (!roles.includes(session.role)) throw new Error('forbidden');
    return { id: session.id, role: session.role };
  },
  scopeFor: async () => ({ kind: 'all' }),
  authorizeRequest: async (...roles: string[]) =>
    roles.includes(session.role) ? { user: { id: session.id, role: session.role } } : { response: Response.json({ error: 'forbidden' }, { status: 403 }) },
}));

const committeeActor = (id: number) => ({ userId: id, role: 'committee' as const, ip: null });

beforeAll(() => {
  session.id = committeeId;
});

describe('progress against the targets', () => {
  it('shows the targets with progress from the figures, and an unknown metric without', async () => {
    const o = await overview();
    const byMetric = Object.fromEntries(o.targets.map((t) => [t.metric, t]));
    const highTech = reportYearOf(YEAR, {}).highTech;
    expect(byMetric.high_tech_enterprises).toMatchObject({
      value: highTech,
      percent: Math.round((highTech * 1000) / 2) / 10,
      status: highTech >= 2 ? 'met' : 'below',
    });
    // One incubator (金桥) started operating in the year.
    expect(byMetric.new_incubators).toMatchObject({ value: 1, status: 'met', percent: 100 });
    const grads = graduatedIn(YEAR, 'verified', {});
    expect(byMetric.graduations).toMatchObject({ value: grads, status: 'below', percent: Math.round((grads * 1000) / 5) / 10 });
    expect(byMetric.carriers).toMatchObject({ value: expectedCarriers(YEAR, {}).n, status: 'above' });
    expect(byMetric.rd_institutions).toMatchObject({ known: false, value: null, percent: null, status: 'unknown' });
  });

  it('reads a target in per cent as the figure against the target, on the page and in the export, not as a share of it', async () => {
    const base = { id: 1, year: YEAR, targetMax: null, note: null, version: 1, createdAt: new Date(), updatedAt: new Date() };
    const figures = {
      ...(Object.fromEntries(KNOWN_METRICS.map((m) => [m, null])) as TargetFigures),
      biomedicine_output_growth_pct: 19.3,
      rd_spend_wan: 19.3,
      budget_execution_pct: 2,
    };
    const [growth, spend, execution] = targetProgress(
      [
        { ...base, metric: 'biomedicine_output_growth_pct', targetMin: 5, unit: '%' },
        { ...base, id: 2, metric: 'rd_spend_wan', targetMin: 5, unit: '万元' },
        { ...base, id: 3, metric: 'budget_execution_pct', targetMin: 90, unit: '%' },
      ],
      figures,
    );
    expect(growth).toMatchObject({ rate: true, value: 19.3, percent: null, status: 'met' });
    expect(execution).toMatchObject({ rate: true, value: 2, percent: null, status: 'below' });
    expect(spend).toMatchObject({ rate: false, value: 19.3, percent: 386, status: 'met' });
    const o = await overview();
    const id = (k: string) => k;
    const spec = dashboardTables(
      { ...o, targets: [growth!, spend!] },
      { t: id, kinds: id, stages: id, industries: id, status: id, metrics: id, locale: 'zh-CN' },
    ).targets;
    // The actual in the target's unit, and no progress figure for the rate.
    expect(spec.rows[0]!.slice(1, 5).map((c) => c.v)).toEqual(['≥ 5', '%', 19.3, null]);
    expect(spec.rows[1]![4]!.v).toBe(386);
  });
});

describe('annual targets', () => {
  it('refuses a stale version with a conflict and writes an audit entry on success', async () => {
    const db = handle.db;
    const input = targetInput.parse({ year: '2027', metric: 'graduations', targetMin: '10', targetMax: '', unit: '家', note: '' });
    const { targetId } = await createTarget(db, committeeActor(committeeId), input);
    const { version } = await updateTarget(db, committeeActor(committeeId), { ...input, targetMin: 12, targetId, version: 1 });
    expect(version).toBe(2);
    const stale = await updateTarget(db, committeeActor(committeeId), { ...input, targetMin: 15, targetId, version: 1 }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(DomainError);
    expect((stale as DomainError).code).toBe('conflict');
    const [row] = await db.select().from(annualTargets).where(eq(annualTargets.id, targetId));
    expect(row).toMatchObject({ targetMin: 12, version: 2 });
    const entries = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'annual_target'), eq(auditLog.entityId, String(targetId))));
    expect(entries.map((e) => e.action).sort()).toEqual(['target.create', 'target.update']);
    const update = entries.find((e) => e.action === 'target.update')!;
    // The unit goes with the changed limits, so that the log reads them in it.
    expect(update).toMatchObject({ userId: committeeId, before: { targetMin: 10, unit: '家' }, after: { targetMin: 12, unit: '家' } });
  });

  it('refuses bad input field by field, and a second target for the same year and metric', async () => {
    const bad = targetInput.safeParse({ year: '1990', metric: 'Bad Metric', targetMin: 'x', targetMax: '', unit: '' });
    expect(bad.success).toBe(false);
    const fields = new Set(bad.error!.issues.map((i) => i.path[0]));
    expect(fields).toEqual(new Set(['year', 'metric', 'targetMin', 'unit']));
    const range = targetInput.safeParse({ year: '2027', metric: 'graduations', targetMin: '10', targetMax: '5', unit: '家' });
    expect(range.error!.issues[0]).toMatchObject({ path: ['targetMax'], message: 'networkTargets.errors.maxBelowMin' });
    const dup = await createTarget(
      handle.db,
      committeeActor(committeeId),
      targetInput.parse({ year: YEAR, metric: 'graduations', targetMin: 1, unit: '家' }),
    ).catch((e: unknown) => e);
    expect((dup as DomainError).code).toBe('invalid');
  });

  it('refuses an operator: the save action and the dashboard export', async () => {
    const { saveTargetAction } = await import('@/app/(portal)/committee/targets/actions');
    const { GET } = await import('@/app/api/committee/export/dashboard/route');
    session.role = 'operator';
    try {
      await expect(saveTargetAction({ year: '2028', metric: 'graduations', targetMin: '3', unit: '家' })).rejects.toThrow('forbidden');
      const res = await GET(new Request(`http://localhost/api/committee/export/dashboard?table=headline&year=${YEAR}`));
      expect(res.status).toBe(403);
      expect(await handle.db.select().from(annualTargets).where(eq(annualTargets.year, 2028))).toEqual([]);
    } finally {
      session.role = 'committee';
    }
    const ok = await saveTargetAction({ year: '2028', metric: 'graduations', targetMin: '3', unit: '家' });
    expect(ok.ok).toBe(true);
    const res = await GET(new Request(`http://localhost/api/committee/export/dashboard?table=funnel&year=${YEAR}&zone=${encodeURIComponent('张江')}`));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
  });
});
