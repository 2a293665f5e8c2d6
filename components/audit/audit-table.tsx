import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/ui/table';
import type { AuditRow } from '@/db/queries/oversight';
import type { Role } from '@/lib/roles';
import { changesOf, SHORT } from '@/lib/server/audit-view/changes';
import { carrierNameFor, entityHref, formatAt, labelOf, READS_ACTION_CODES, recordNameOf } from '@/lib/server/audit-view/labels';
import { namesOfPage } from '@/lib/server/audit-view/names';
import { wordingOf } from '@/lib/server/audit-view/wording';

function Value({ value, more }: { value: string | null; more: string }) {
  if (value === null) return <span className="text-slate-500">—</span>;
  if (value.length <= SHORT) return <span className="break-words">{value}</span>;
  return (
    <details className="inline">
      <summary className="cursor-pointer break-words">
        {value.slice(0, SHORT)}… <span className="text-brand-700 underline">{more}</span>
      </summary>
      <span className="mt-1 block whitespace-pre-wrap break-words rounded bg-slate-50 p-2">{value}</span>
    </details>
  );
}

/**
 * The audit entries as a table; `role` decides which records link to their page. A record's own
 * history (`ofOneRecord`) leaves out the record and carrier columns, the same on every row.
 */
export async function AuditTable({ rows, role, caption, ofOneRecord = false }: { rows: AuditRow[]; role: Role; caption: string; ofOneRecord?: boolean }) {
  const [t, tRoles, tAll, locale] = await Promise.all([getTranslations('audit'), getTranslations('roles'), getTranslations(), getLocale()]);
  const names = await namesOfPage(rows, role, locale);
  const showCodes = READS_ACTION_CODES.includes(role);
  const recordCell = (r: AuditRow) => {
    const name = recordNameOf(t, r, names);
    const type = labelOf(t, 'entities', r.entity);
    const label = name ? (
      <>
        <span className="block whitespace-nowrap text-xs text-slate-600">{type}</span>
        <span className="block">{name}</span>
      </>
    ) : (
      // A record with no name is shown by its type and its key when that is a word (an email, an address);
      // a bare number stays on hover for those who read the codes.
      <span className="whitespace-nowrap" title={showCodes && r.entityId ? `#${r.entityId}` : undefined}>
        {r.entityId && !/^\d+$/.test(r.entityId) ? `${type} ${r.entityId}` : type}
      </span>
    );
    const href = entityHref(role, r.entity, r.entityId);
    return href ? (
      <Link href={href} className="text-brand-700 hover:underline">
        {label}
      </Link>
    ) : (
      label
    );
  };
  const columns = [
    { key: 'at', header: t('at'), cell: (r: AuditRow) => <span className="whitespace-nowrap tabular-nums">{formatAt(r.at)}</span> },
    {
      key: 'user',
      header: t('user'),
      // Someone the reader knows by role only (lib/audit-audience.ts) is named by the role.
      cell: (r: AuditRow) =>
        r.actorHidden && r.role ? (
          <div className="whitespace-nowrap font-medium text-slate-900">{tRoles(r.role)}</div>
        ) : (
          <>
            <div className="whitespace-nowrap font-medium text-slate-900">{r.userName ?? t('system')}</div>
            {r.role ? <div className="whitespace-nowrap text-xs text-slate-600">{tRoles(r.role)}</div> : null}
          </>
        ),
    },
    {
      key: 'action',
      header: t('action'),
      cell: (r: AuditRow) => (
        // Those who read the whole log find the code on hover; the export has a column of them.
        <div className="whitespace-nowrap" title={showCodes ? r.action : undefined}>
          {labelOf(t, 'actions', r.action)}
        </div>
      ),
    },
    ...(ofOneRecord
      ? []
      : [
          { key: 'entity', header: t('entity'), cell: recordCell },
          {
            key: 'carrier',
            header: t('carrier'),
            cell: (r: AuditRow) => carrierNameFor(role, locale, { name: r.carrierName, nameEn: r.carrierNameEn }) ?? '—',
          },
        ]),
    { key: 'ip', header: t('ip'), cell: (r: AuditRow) => <span className="font-mono text-xs">{r.ip ?? '—'}</span> },
    {
      key: 'changes',
      header: t('changes'),
      cell: (r: AuditRow) => {
        const wording = wordingOf(tAll, r.entity, { locale, names });
        const changes = changesOf(r.before, r.after, wording);
        if (changes.length === 0) return <span className="text-slate-500">—</span>;
        return (
          <ul className="min-w-64 max-w-md space-y-0.5 text-xs">
            {changes.map((c) => (
              <li key={c.field}>
                <span className="font-medium text-slate-700" title={c.field}>
                  {c.label}
                </span>
                {wording.colon}
                <Value value={c.before} more={t('showAll')} /> <span aria-hidden="true">→</span>
                <span className="sr-only">{t('changedTo')}</span> <Value value={c.after} more={t('showAll')} />
              </li>
            ))}
          </ul>
        );
      },
    },
  ];
  return <DataTable<AuditRow> caption={caption} rows={rows} rowKey={(r) => r.id} columns={columns} />;
}
