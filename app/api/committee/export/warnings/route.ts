import { getTranslations } from 'next-intl/server';
import { parseWarningFilters } from '@/lib/server/filters/warnings';
import { getDb } from '@/db/client';
import { reportingQuarter, admissionWarningList, missingReportList, overdueIncubationList } from '@/db/queries/network';
import { formatDate } from '@/lib/format';
import { buildTableExport, type ExportSheet } from '@/lib/spreadsheet/table-export';
import { exportRoute, MAX_ROWS } from '@/lib/server/exports/frame';

export const dynamic = 'force-dynamic';

/** GET with the warnings page's URL params (type, carrier): every row of that list as .xlsx. Committee only. */
export const GET = exportRoute({
  roles: ['committee'],
  file: async ({ params, locale, today }) => {
    const { type, carrierId } = parseWarningFilters(params);
    const db = getDb();
    const [t, tw, ti] = await Promise.all([
      getTranslations({ locale, namespace: 'networkWarnings' }),
      getTranslations({ locale, namespace: 'ventures.ruleWarnings' }),
      getTranslations({ locale, namespace: 'industries' }),
    ]);
    const p = { carrierId, page: 1, pageSize: MAX_ROWS };
    const head = [
      { heading: t('carrier'), width: 28 },
      { heading: t('venture'), width: 28 },
      { heading: t('creditCode'), width: 22, format: 'text' as const },
    ];
    let sheet: ExportSheet;
    if (type === 'admission') {
      const { rows } = await admissionWarningList(db, p);
      sheet = {
        name: t('types.admission'),
        columns: [...head, { heading: t('foundedOn'), width: 12 }, { heading: t('enteredOn'), width: 12 }, { heading: t('warnings'), width: 36 }],
        rows: rows.map((r) => [
          r.carrierName,
          r.ventureName,
          r.creditCode,
          formatDate(r.foundedOn),
          formatDate(r.enteredOn),
          r.warnings.map((w) => (tw.has(w) ? tw(w) : w)).join('; '),
        ]),
      };
    } else if (type === 'overdue') {
      const { rows } = await overdueIncubationList(db, today, p);
      sheet = {
        name: t('types.overdue'),
        columns: [
          ...head,
          { heading: t('limit'), width: 10 },
          { heading: t('startedOn'), width: 12 },
          { heading: t('endsOn'), width: 12 },
          { heading: t('overdueBy'), width: 10, format: 'int' },
        ],
        rows: rows.map((r) => [
          r.carrierName,
          `${r.ventureName}（${ti(r.industry)}）`,
          r.creditCode,
          t('limitMonths', { months: r.limitMonths }),
          formatDate(r.incubationStartedOn),
          formatDate(r.endsOn),
          -r.daysLeft,
        ]),
      };
    } else {
      const { rows } = await missingReportList(db, reportingQuarter(today), p);
      sheet = {
        name: t('types.missing_reports'),
        columns: [...head, { heading: t('leftOn'), width: 12 }],
        rows: rows.map((r) => [r.carrierName, r.ventureName, r.creditCode, r.leftOn ? formatDate(r.leftOn) : t('stillResident')]),
      };
    }
    const bytes = await buildTableExport([sheet]);
    return { bytes, rows: sheet.rows.length, asciiName: `warnings-${type}-${today}.xlsx`, utf8Name: `${t('fileName')}-${t(`types.${type}`)}-${today}.xlsx` };
  },
});
