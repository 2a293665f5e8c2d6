/**
 * Quarterly statistics (季度统计报表) for the eight quarters before `today`: one report per
 * venture resident at the quarter's end, filed against the carrier it was in then. About one
 * in ten is late and about one in twenty tenants has not filed the last quarter yet.
 */
import type { ReportFigures } from '../../lib/domain/reporting';
import { at, closedQuartersBefore, type Day } from './calendar';
import type { VenturePlan } from './plan-types';
import type { Rng } from './random';

/** Reports are due 15 days after the quarter ends. */
export const REPORT_DUE_DAYS = 15;
export const REPORT_QUARTERS = 8;

export type ReportPlan = {
  venture: number;
  carrier: string;
  year: number;
  quarter: number;
  filedAt: Date;
  late: boolean;
} & ReportFigures;

/** 万元 -> fen, rounded to the hundred yuan as the forms are filled in. */
function wanToFen(wan: number): number {
  return Math.round(wan * 100) * 10_000;
}

function carrierAt(v: VenturePlan, day: Day): string | null {
  const r = v.residencies.find((x) => x.entered <= day && (x.left === null || x.left > day));
  return r ? r.carrier : null;
}

export function planReports(rng: Rng, ventures: readonly VenturePlan[], today: Day): ReportPlan[] {
  const quarters = closedQuartersBefore(today, REPORT_QUARTERS);
  const out: ReportPlan[] = [];
  ventures.forEach((v, index) => {
    const f = v.figures;
    const science = v.industry === 'biomedicine' || v.industry === 'integrated_circuits';
    const steady = v.tags.size > 0;
    let patents = f.patents;
    quarters.forEach((q, i) => {
      const carrier = carrierAt(v, q.end);
      if (!carrier) return;
      const last = i === quarters.length - 1;
      if (last && !steady && rng.chance(0.05)) return; // not filed yet
      const back = quarters.length - 1 - i;
      const noise = steady ? rng.float(0.95, 1.05) : rng.float(0.85, 1.15);
      const revenueFen = wanToFen((f.revenueWan * noise) / f.growth ** back);
      const employees = Math.max(1, Math.round(f.employees * (1 - 0.03 * back)) + rng.int(-1, 1));
      const rdFen = Math.max(Math.round(revenueFen * rng.float(0.08, 0.3)), wanToFen(employees * rng.float(0.3, 0.9)));
      const netProfitFen = revenueFen === 0 ? -rdFen : Math.round((revenueFen * rng.float(-0.3, 0.18)) / 100) * 100;
      const financingFen = v.financings.filter((x) => x.day >= q.start && x.day <= q.end).reduce((s, x) => s + x.amountFen, 0);
      const ipFiled = v.kind === 'team' ? rng.int(0, 1) : rng.int(0, science ? 4 : 2);
      if (rng.chance(science ? 0.3 : 0.12)) patents += 1;
      const due = q.end + REPORT_DUE_DAYS;
      const lateDraw = rng.chance(0.1);
      const filedDay = q.end + (lateDraw ? rng.int(REPORT_DUE_DAYS + 1, 45) : rng.int(3, REPORT_DUE_DAYS - 1));
      if (filedDay >= today) return; // not filed yet
      out.push({
        venture: index,
        carrier,
        year: q.year,
        quarter: q.quarter,
        revenueFen,
        netProfitFen,
        rdSpendFen: rdFen,
        taxFen: Math.round((revenueFen * rng.float(0.02, 0.06)) / 100) * 100,
        financingFen,
        employees,
        ipFiled,
        ipGranted: rng.int(0, Math.max(0, ipFiled - 1)),
        inventionPatents: patents,
        filedAt: at(filedDay, rng.int(1, 9), rng.int(0, 59)),
        late: filedDay > due,
      });
    });
  });
  return out;
}
