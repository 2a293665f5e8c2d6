import { getTranslations } from 'next-intl/server';
import { parseCarrierFilters } from '@/lib/server/filters/carriers';
import { getDb } from '@/db/client';
import { nationalChecksOf, listNetworkCarriers } from '@/db/queries/network';
import { buildTableExport } from '@/lib/spreadsheet/table-export';
import { exportRoute, MAX_ROWS } from '@/lib/server/exports/frame';

export const dynamic = 'force-dynamic';

/**
 * GET with the carrier list's own URL params (q, kind, level, zone, status, warnings, sort, dir):
 * every carrier of that list with its figures, as .xlsx in the user's language. Committee only.
 */
export const GET = exportRoute({
  roles: ['committee'],
  file: async ({ params, locale, today }) => {
    const filters = parseCarrierFilters(params);
    const db = getDb();
    const [{ rows, quarter }, t, tKinds, tLevels, tStatus] = await Promise.all([
      listNetworkCarriers(db, today, { ...filters, page: 1, pageSize: MAX_ROWS }),
      getTranslations({ locale, namespace: 'committeeCarriers' }),
      getTranslations({ locale, namespace: 'kinds' }),
      getTranslations({ locale, namespace: 'levels' }),
      getTranslations({ locale, namespace: 'glossary.carrierStatus' }),
    ]);
    const checks = await nationalChecksOf(db, rows, today);
    const c = (k: string) => t(`columns.${k}`);
    const q = t('quarter', quarter);
    const bytes = await buildTableExport([
      {
        name: t('sheet'),
        columns: [
          { heading: c('name'), width: 30 },
          { heading: t('kind'), width: 10 },
          { heading: t('level'), width: 10 },
          { heading: t('status'), width: 10 },
          { heading: t('zone'), width: 12 },
          { heading: c('tenants'), width: 10, format: 'int' },
          { heading: 'm²', width: 10, format: 'int' },
          { heading: `${c('occupancy')} (%)`, width: 10, format: 'percent' },
          { heading: c('graduates'), width: 10, format: 'int' },
          { heading: `${c('financing')} (%)`, width: 10, format: 'percent' },
          { heading: `${c('timeliness')} ${q} (%)`, width: 14, format: 'percent' },
          { heading: t('lateReports', { count: '' }).trim(), width: 10, format: 'int' },
          { heading: t('warningAdmission', { count: '' }).trim(), width: 10, format: 'int' },
          { heading: t('warningOverdue', { count: '' }).trim(), width: 10, format: 'int' },
          { heading: t('warningMissing', { count: '' }).trim(), width: 10, format: 'int' },
          { heading: c('national'), width: 12 },
        ],
        rows: rows.map((r) => {
          const n = checks.get(r.id);
          return [
            r.name,
            tKinds(r.kind),
            tLevels(r.level),
            tStatus(r.status),
            r.zone,
            r.tenants,
            r.occupiedAreaM2,
            r.occupancy,
            r.graduates,
            r.financingRate,
            r.timeliness,
            r.lateReports,
            r.admissionWarnings,
            r.overdue,
            r.missingReports,
            n ? t('nationalPassed', { passed: n.check.passed, total: n.check.criteria.length }) : t('notApplicable'),
          ];
        }),
      },
    ]);
    return { bytes, rows: rows.length, asciiName: `carriers-${today}.xlsx`, utf8Name: `${t('fileName')}-${today}.xlsx` };
  },
});
