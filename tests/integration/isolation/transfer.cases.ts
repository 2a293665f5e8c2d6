import { and, eq } from 'drizzle-orm';
import { carriers, ventures } from '@/db/schema';
import { importReports, importVentures, transferCarriers } from '@/db/queries/ventures/transfer';
import { exportReports, reportExportRows, ventureExportRows } from '@/db/queries/ventures/transfer-export';
import { companyCells, reportsWorkbook, translate, venturesWorkbook } from '../../helpers/transfer-fixtures';
import type { IsolationCase, IsolationWorld } from './world';

const TODAY = '2026-07-10';
const figures = { revenueFen: 1, netProfitFen: 1, rdSpendFen: 1, taxFen: 1, financingFen: 1, employees: 1, ipFiled: 1, ipGranted: 1, inventionPatents: 1 };

async function carrierBName(w: IsolationWorld) {
  const [b] = await w.db.select({ name: carriers.name }).from(carriers).where(eq(carriers.id, w.carrierB));
  return b!.name;
}

export const cases: IsolationCase[] = [
  {
    // A row naming carrier B is a row error ("not one of the carriers you run", the same as for a
    // name that does not exist): the import answers with the invalid result and writes nothing.
    // The case returns what the attempt left in carrier B under that name, which must be nothing.
    name: 'importVentures with rows naming carrier B',
    expect: 'empty',
    attempt: async (w) => {
      const name = `越权导入${w.carrierB}`;
      const bytes = await venturesWorkbook([companyCells(await carrierBName(w), { name })]);
      const result = await importVentures(w.db, w.actorA, w.scopeA, bytes, 'b.xlsx', TODAY, { translate });
      if (result.ok || result.errors[0]?.column.startsWith('孵化载体') !== true) throw new Error(`unexpected result ${JSON.stringify(result)}`);
      return w.db
        .select()
        .from(ventures)
        .where(and(eq(ventures.currentCarrierId, w.carrierB), eq(ventures.name, name)));
    },
  },
  {
    name: 'importReports for carrier B',
    expect: 'notFound',
    attempt: async (w) => {
      const bytes = await reportsWorkbook([{ creditCode: w.creditCodeB, ...figures }]);
      return importReports(w.db, w.actorA, w.scopeA, { carrierId: w.carrierB, ...w.report }, bytes, 'b.xlsx', TODAY, { translate });
    },
  },
  {
    name: "importReports in carrier A naming carrier B's venture",
    expect: 'empty',
    attempt: async (w) => {
      const bytes = await reportsWorkbook([{ creditCode: w.creditCodeB, ...figures }]);
      const result = await importReports(w.db, w.actorA, w.scopeA, { carrierId: w.carrierA, ...w.report }, bytes, 'a.xlsx', TODAY, { translate });
      return result.ok ? [result] : [];
    },
  },
  {
    name: 'ventureExportRows filtered on carrier B',
    expect: 'empty',
    attempt: (w) => ventureExportRows(w.db, w.scopeA, { carrierId: w.carrierB }, TODAY),
  },
  {
    name: "ventureExportRows searching carrier B's credit code",
    expect: 'empty',
    attempt: (w) => ventureExportRows(w.db, w.scopeA, { q: w.creditCodeB }, TODAY),
  },
  {
    name: 'reportExportRows of carrier B',
    expect: 'notFound',
    attempt: (w) => reportExportRows(w.db, w.scopeA, { carrierId: w.carrierB, ...w.report }),
  },
  {
    name: 'exportReports of carrier B',
    expect: 'notFound',
    attempt: (w) => exportReports(w.db, w.scopeA, { carrierId: w.carrierB, ...w.report }, 'zh-CN', 'B'),
  },
  {
    name: 'transferCarriers (the transfer page, template and export names) hold none of B',
    expect: 'empty',
    attempt: async (w) => (await transferCarriers(w.db, w.scopeA)).filter((c) => c.id === w.carrierB),
  },
];
