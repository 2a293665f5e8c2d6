import 'server-only';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listAuditEntries, type AuditFilters } from '@/db/queries/oversight';
import type { AuthUser } from '@/db/queries/accounts';
import type { Locale } from '@/lib/i18n/config';
import { buildTableExport } from '@/lib/spreadsheet/table-export';
import { changesOf, changesText } from './changes';
import { AUDIT_EXPORT_MAX, carrierNameFor, formatAt, labelOf, recordNameOf } from './labels';
import { auditScopeOf } from './scope';
import { namesOfPage } from './names';
import { wordingOf } from './wording';

/**
 * The filtered entries the user reads as .xlsx, newest first, at most AUDIT_EXPORT_MAX of them (a
 * last row says when more matched). The rows come from listAuditEntries in the user's scope, so
 * an operator's file holds what their viewer shows: their carriers' entries, as their audience may
 * read them (lib/audit-audience.ts).
 */
export async function auditExportFile(user: AuthUser, filters: AuditFilters, locale: Locale, today: string) {
  const [{ rows, total }, t, tRoles, tAll] = await Promise.all([
    listAuditEntries(getDb(), await auditScopeOf(user), filters, { page: 1, pageSize: AUDIT_EXPORT_MAX }),
    getTranslations({ locale, namespace: 'audit' }),
    getTranslations({ locale, namespace: 'roles' }),
    getTranslations({ locale }),
  ]);
  const names = await namesOfPage(rows, user.role, locale);
  const body: (string | number | null)[][] = rows.map((r) => {
    const wording = wordingOf(tAll, r.entity, { locale, names });
    return [
      formatAt(r.at),
      r.actorHidden && r.role ? tRoles(r.role) : (r.userName ?? t('system')),
      r.role ? tRoles(r.role) : null,
      labelOf(t, 'actions', r.action),
      r.action,
      labelOf(t, 'entities', r.entity),
      r.entityId,
      recordNameOf(t, r, names),
      carrierNameFor(user.role, locale, { name: r.carrierName, nameEn: r.carrierNameEn }),
      r.ip,
      changesText(changesOf(r.before, r.after, wording), wording),
    ];
  });
  if (total > rows.length) body.push([t('exportTruncated', { max: AUDIT_EXPORT_MAX, total })]);
  const bytes = await buildTableExport([
    {
      name: t('title'),
      columns: [
        { heading: t('at'), width: 20 },
        { heading: t('user'), width: 16 },
        { heading: t('role'), width: 14 },
        { heading: t('action'), width: 22 },
        { heading: t('actionCode'), width: 24, format: 'text' },
        { heading: t('entity'), width: 14 },
        { heading: t('entityId'), width: 10, format: 'text' },
        { heading: t('recordName'), width: 24 },
        { heading: t('carrier'), width: 28 },
        { heading: t('ip'), width: 16, format: 'text' },
        { heading: t('changes'), width: 60 },
      ],
      rows: body,
    },
  ]);
  return { bytes, rows: rows.length, asciiName: `audit-log-${today}.xlsx`, utf8Name: `${t('fileName')}-${today}.xlsx` };
}
