import Link from 'next/link';
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
  const [t, tStatus, locale] = await Promise.all([getTranslations('applications.filters'), getTranslations('applications.status'), getLocale()]);
  const years = [...new Set(programmes.map((p) => p.year))].sort((a, b) => b - a);
  return (
    <form method="get" role="search" aria-label={t('label')} className="mb-4 flex flex-wrap items-end gap-3">
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
      {filters.sort ? <input type="hidden" name="sort" value={filters.sort} /> : null}
      {filters.dir ? <input type="hidden" name="dir" value={filters.dir} /> : null}
      {pageSize ? <input type="hidden" name="size" value={pageSize} /> : null}
      <div className="flex gap-2">
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
          {t('apply')}
        </button>
        <Link href="/operator/applications" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100">
          {t('reset')}
        </Link>
      </div>
    </form>
  );
}
