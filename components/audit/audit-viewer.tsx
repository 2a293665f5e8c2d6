import { forbidden } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { getDb } from '@/db/client';
import { auditCarrierChoices, auditFilterChoices, listAuditEntries } from '@/db/queries/oversight';
import type { AuthUser } from '@/db/queries/accounts';
import { AUDIT_KINDS } from '@/lib/audit-kinds';
import { DEFAULT_PAGE_SIZE, parsePaging } from '@/lib/paging';
import { FilterBar, FilterField, FilterSelect } from '../ui/filter-bar';
import { ListEmpty } from '../ui/list-empty';
import { filterField, hrefWith, one, type Search } from '@/lib/search-params';
import { AuditTable } from './audit-table';
import { auditParams, isFiltered, parseAuditFilters } from '@/lib/server/audit-view/filters';
import { AUDIT_EXPORT_MAX, AUDIT_EXPORT_PATH, AUDIT_PAGE, carrierNameFor, labelOf } from '@/lib/server/audit-view/labels';
import { auditScopeOf } from '@/lib/server/audit-view/scope';

/**
 * The audit log viewer of every role: filters in the URL, a page of entries, and (for the committee,
 * the audit administrator and operators) the export of the filtered entries. What it reads is scoped on the server.
 */
export async function AuditViewer({ user, searchParams }: { user: AuthUser; searchParams: Search }) {
  const base = AUDIT_PAGE[user.role];
  if (!base) forbidden();
  const filters = parseAuditFilters(searchParams);
  const { page, pageSize } = parsePaging({ page: one(searchParams.page), size: one(searchParams.size) });
  const db = getDb();
  const scope = await auditScopeOf(user);
  const [{ rows, total }, choices, carriers, t, tRoles, locale] = await Promise.all([
    listAuditEntries(db, scope, filters, { page, pageSize }),
    auditFilterChoices(db, scope),
    auditCarrierChoices(db, scope),
    getTranslations('audit'),
    getTranslations('roles'),
    getLocale(),
  ]);
  const size = pageSize === DEFAULT_PAGE_SIZE ? undefined : String(pageSize);
  const params = auditParams(filters);
  const kept = { ...params, size };
  const exportPath = AUDIT_EXPORT_PATH[user.role];
  // A value from the URL that is not among the choices stays selectable, so the form shows what is applied.
  const withCurrent = (values: string[], current?: string) => (current && !values.includes(current) ? [current, ...values] : values);

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t(`subtitle.${user.role}`)}
        actions={
          exportPath ? (
            <div className="flex flex-col items-end gap-1">
              <a
                href={hrefWith(exportPath, params)}
                className="rounded-md border border-brand-600 bg-white px-4 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50"
                download
              >
                {t('export')}
              </a>
              <span className="text-xs text-slate-600">{t('exportCap', { max: AUDIT_EXPORT_MAX })}</span>
            </div>
          ) : null
        }
      />
      <Card>
        <FilterBar label={t('filters')} basePath={base} size={size} applyLabel={t('apply')} resetLabel={t('reset')}>
          <FilterSelect
            label={t('user')}
            name="user"
            defaultValue={params.user ?? ''}
            empty={t('any')}
            options={choices.users.map((u) => ({ value: u.id, label: `${u.name}（${tRoles(u.role)}）` }))}
            className={`${filterField} max-w-56`}
          />
          <FilterSelect
            label={t('entity')}
            name="entity"
            defaultValue={filters.entity ?? ''}
            empty={t('any')}
            options={withCurrent(choices.entities, filters.entity).map((e) => ({ value: e, label: labelOf(t, 'entities', e) }))}
          />
          <FilterField label={t('entityId')}>
            <input
              name="entityId"
              defaultValue={filters.entityId ?? ''}
              inputMode="numeric"
              className={`${filterField} w-24`}
              aria-describedby="audit-entity-id-hint"
            />
          </FilterField>
          <FilterSelect
            label={t('action')}
            name="action"
            defaultValue={filters.action ?? ''}
            empty={t('any')}
            options={withCurrent(choices.actions, filters.action).map((a) => ({ value: a, label: labelOf(t, 'actions', a) }))}
            className={`${filterField} max-w-56`}
          />
          {scope.security ? (
            <FilterSelect
              label={t('kind')}
              name="kind"
              defaultValue={filters.kind ?? ''}
              empty={t('any')}
              options={AUDIT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
            />
          ) : null}
          <FilterSelect
            label={t('carrier')}
            name="carrier"
            defaultValue={params.carrier ?? ''}
            empty={t('any')}
            options={carriers.map((c) => ({ value: c.id, label: carrierNameFor(user.role, locale, c) }))}
            className={`${filterField} max-w-64`}
          />
          <FilterField label={t('from')}>
            <input type="date" name="from" defaultValue={filters.from ?? ''} className={filterField} />
          </FilterField>
          <FilterField label={t('to')}>
            <input type="date" name="to" defaultValue={filters.to ?? ''} className={filterField} />
          </FilterField>
        </FilterBar>
        <p id="audit-entity-id-hint" className="-mt-2 mb-3 text-xs text-slate-600">
          {t('hint')}
        </p>
        {rows.length === 0 ? (
          <ListEmpty
            total={total}
            filtered={isFiltered(filters)}
            firstPage={hrefWith(base, kept)}
            pageOutOfRange={t('pageOutOfRange')}
            emptyFiltered={t('emptyFiltered')}
            empty={t(`empty.${user.role}`)}
          />
        ) : (
          <AuditTable rows={rows} role={user.role} caption={t('caption')} />
        )}
        <Pagination basePath={base} params={kept} page={page} pageSize={pageSize} total={total} />
      </Card>
    </>
  );
}
