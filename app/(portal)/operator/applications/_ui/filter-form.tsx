import { FilterBar } from '@/components/ui/filter-bar';
import { getLocale, getTranslations } from 'next-intl/server';
import { APPLICATION_STATUSES } from '@/lib/domain/workflow';
import type { ApplicationFilters } from '@/lib/validation/application-filters';

const field = 'rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm';

function Select({ label, name, value, children }: { label: string; name: string; value: string; children: React.ReactNode }) {
  return (
    <label className="flex flex-col text-sm">
      <span className="mb-1 text-slate-700">{label}</span>
      <select name={name} defaultValue={value} className={`${field} max-w-72`}>
        {children}
      </select>
    </label>
  );
}

/** The list's filters as a plain GET form, so that every view is a bookmarkable URL. */
export async function ApplicationFilterForm({
  filters,
  carriers,
  programmes,
  pageSize,
}: {
  filters: ApplicationFilters;
  carriers: { id: number; name: string }[];
  programmes: { id: number; code: string; nameZh: string; nameEn: string; year: number }[];
  pageSize?: number;
}) {
  const [t, tStatus, locale] = await Promise.all([getTranslations('applications.filters'), getTranslations('glossary.applicationStatus'), getLocale()]);
  const years = [...new Set(programmes.map((p) => p.year))].sort((a, b) => b - a);
  return (
    <FilterBar
      label={t('label')}
      basePath="/operator/applications"
      size={pageSize ? String(pageSize) : undefined}
      kept={{ sort: filters.sort, dir: filters.dir }}
      applyLabel={t('apply')}
      resetLabel={t('reset')}
    >
      <Select label={t('status')} name="status" value={filters.status ?? ''}>
        <option value="">{t('any')}</option>
        {APPLICATION_STATUSES.map((s) => (
          <option key={s} value={s}>
            {tStatus(s)}
          </option>
        ))}
      </Select>
      <Select label={t('programme')} name="programme" value={filters.programId ? String(filters.programId) : ''}>
        <option value="">{t('any')}</option>
        {programmes.map((p) => (
          <option key={p.id} value={p.id}>
            {locale === 'en' ? p.nameEn : p.nameZh}
          </option>
        ))}
      </Select>
      <Select label={t('year')} name="year" value={filters.year ? String(filters.year) : ''}>
        <option value="">{t('any')}</option>
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </Select>
      <Select label={t('carrier')} name="carrier" value={filters.carrierId ? String(filters.carrierId) : ''}>
        <option value="">{t('anyCarrier')}</option>
        {carriers.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </Select>
    </FilterBar>
  );
}
