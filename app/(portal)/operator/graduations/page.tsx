import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { listOperatorCarriers } from '@/db/queries/carriers';
import { graduationCandidates, listGraduations } from '@/db/queries/graduations';
import { requireRole, scopeFor } from '@/lib/server/authz';
import { todayInShanghai } from '@/lib/domain/dates';
import { GRADUATION_STATUSES as STATUSES } from '@/lib/domain/vocabulary';
import { DEFAULT_PAGE_SIZE, parsePaging } from '@/lib/paging';
import { CandidatesView } from './_ui/candidates-view';
import { CarrierFilter } from '@/components/ui/carrier-filter';
import { RecordsView } from './_ui/records-view';
import { query, TabLinks } from './_ui/tabs';
import { carrierParam, optionalYear, one, type Search } from '@/lib/search-params';

export async function generateMetadata() {
  return { title: (await getTranslations('graduation'))('title') };
}

export default async function GraduationsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireRole('operator');
  const scope = await scopeFor(user);
  const params = await searchParams;
  const db = getDb();
  const today = todayInShanghai();
  const carrierIds = scope.kind === 'carriers' ? scope.carrierIds : [];
  const view = one(params.view) === 'recorded' ? 'recorded' : 'candidates';
  const carrierId = carrierParam(one(params.carrier), carrierIds);
  const status = z
    .enum(STATUSES)
    .optional()
    .catch(undefined)
    .parse(one(params.status) || undefined);
  const year = optionalYear(one(params.year));
  const { page, pageSize } = parsePaging({ page: one(params.page), size: one(params.size) });
  const size = pageSize === DEFAULT_PAGE_SIZE ? undefined : String(pageSize);
  const recordedNotice = view === 'recorded' && /^\d+$/.test(one(params.recorded) ?? '');

  const [candidates, records, carriers, t, tStatus] = await Promise.all([
    graduationCandidates(db, scope, today, view === 'candidates' ? { carrierId, page, pageSize } : { carrierId, page: 1, pageSize: 1 }),
    view === 'recorded' ? listGraduations(db, scope, { status, year, carrierId, page, pageSize }) : null,
    listOperatorCarriers(db, scope),
    getTranslations('graduation'),
    getTranslations('glossary.graduationStatus'),
  ]);
  const carrier = carrierId ? String(carrierId) : undefined;
  const tabs = [
    { href: `/operator/graduations${query({ carrier })}`, label: t('views.candidates', { count: candidates.total }), current: view === 'candidates' },
    { href: `/operator/graduations${query({ view: 'recorded', carrier })}`, label: t('views.recorded'), current: view === 'recorded' },
  ];
  const field = 'rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm';

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      {recordedNotice ? (
        <p role="status" className="mb-4 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {t('recordedNotice')}
        </p>
      ) : null}
      <TabLinks label={t('views.label')} tabs={tabs} />
      {view === 'candidates' ? (
        <>
          {carriers.length > 1 ? <CarrierFilter messages="graduation.filters" carriers={carriers} value={carrierId} /> : null}
          <CandidatesView
            rows={candidates.rows}
            total={candidates.total}
            page={page}
            pageSize={pageSize}
            params={{ carrier, size }}
            showCarrier={carriers.length > 1}
          />
        </>
      ) : (
        <>
          <CarrierFilter messages="graduation.filters" carriers={carriers} value={carrierId} hidden={{ view: 'recorded' }}>
            <label className="flex flex-col text-sm">
              <span className="mb-1 text-slate-700">{t('filters.status')}</span>
              <select name="status" defaultValue={status ?? ''} className={field}>
                <option value="">{t('filters.anyStatus')}</option>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {tStatus(s)}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex flex-col text-sm">
              <span className="mb-1 text-slate-700">{t('filters.year')}</span>
              <input type="number" name="year" min={2000} max={2100} defaultValue={year ?? ''} className={`${field} w-28`} />
            </label>
          </CarrierFilter>
          <RecordsView
            rows={records!.rows}
            total={records!.total}
            page={page}
            pageSize={pageSize}
            params={{ view: 'recorded', carrier, status, year: year ? String(year) : undefined, size }}
            filtered={Boolean(status || year || carrierId)}
            showCarrier={carriers.length > 1}
          />
        </>
      )}
    </>
  );
}
