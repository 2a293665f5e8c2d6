import { getTranslations } from 'next-intl/server';
import { Card, EmptyState } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { DataTable } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { listBlacklist } from '@/db/queries/oversight';
import { allCarrierChoices } from '@/db/queries/carriers';
import type { BlacklistEntry } from '@/db/schema';
import { requireRole } from '@/lib/server/authz';
import { todayInShanghai } from '@/lib/domain/dates';
import { BLACKLIST_STATES as STATES } from '@/lib/domain/blacklist';
import { formatDate } from '@/lib/format';
import { DEFAULT_PAGE_SIZE, parsePaging } from '@/lib/paging';
import { searchText } from '@/lib/validation/search-text';
import { Badge, type Tone } from '@/components/ui/badges';
import { FilterBar, FilterField, FilterSelect } from '@/components/ui/filter-bar';
import { filterField, one, optionalEnum, type Search } from '@/lib/search-params';
import { AddEntryForm, LiftEntry } from './blacklist-forms';

export async function generateMetadata() {
  return { title: (await getTranslations('review.blacklist'))('title') };
}

const BASE = '/committee/blacklist';
type EntryState = 'active' | 'lifted' | 'expired' | 'pending';

function stateOf(e: BlacklistEntry, today: string): EntryState {
  if (e.liftedOn) return 'lifted';
  if (e.sanctionEndsOn && e.sanctionEndsOn < today) return 'expired';
  if (e.effectiveOn > today) return 'pending';
  return 'active';
}
const TONE: Record<EntryState, Tone> = { active: 'bad', lifted: 'neutral', expired: 'neutral', pending: 'warn' };

export default async function BlacklistPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireRole('committee');
  const params = await searchParams;
  const state = optionalEnum(STATES, one(params.state)) ?? 'active';
  const subjectType = optionalEnum(['venture', 'carrier'] as const, one(params.type));
  const q = searchText(one(params.q));
  const { page, pageSize } = parsePaging({ page: one(params.page), size: one(params.size) });
  const today = todayInShanghai();
  const db = getDb();
  const [{ rows, total }, carriers, t, tr, tState] = await Promise.all([
    listBlacklist(db, today, { state, subjectType, q, page, pageSize }),
    allCarrierChoices(db),
    getTranslations('review.blacklist'),
    getTranslations('review'),
    getTranslations('glossary.blacklistState'),
  ]);
  const size = pageSize === DEFAULT_PAGE_SIZE ? undefined : String(pageSize);
  const kept = { state: state === 'active' ? undefined : state, type: subjectType, q, size };
  const filtered = Boolean(subjectType || q || state !== 'all');

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Card className="mb-6">
        <FilterBar label={t('filters')} basePath={BASE} size={size} applyLabel={tr('apply')} resetLabel={tr('reset')}>
          <FilterSelect label={t('state')} name="state" defaultValue={state} options={STATES.map((s) => ({ value: s, label: tState(s) }))} />
          <FilterSelect
            label={t('subjectType')}
            name="type"
            defaultValue={subjectType ?? ''}
            empty={tr('any')}
            options={[
              { value: 'venture', label: t('subjectTypes.venture') },
              { value: 'carrier', label: t('subjectTypes.carrier') },
            ]}
          />
          <FilterField label={t('q')}>
            <input type="search" name="q" defaultValue={q ?? ''} maxLength={100} className={`${filterField} w-60`} />
          </FilterField>
        </FilterBar>
        {rows.length === 0 ? (
          <EmptyState>{filtered ? t('emptyFiltered') : t('empty')}</EmptyState>
        ) : (
          <DataTable<BlacklistEntry>
            caption={t('caption')}
            rows={rows}
            rowKey={(r) => r.id}
            columns={[
              {
                key: 'subject',
                header: t('subject'),
                cell: (r) => (
                  <div className="min-w-44">
                    <div className="font-medium text-slate-900">{r.subjectName}</div>
                    <div className="mt-0.5 flex flex-wrap gap-1.5 text-xs text-slate-600">
                      <Badge>{t(`subjectTypes.${r.subjectType}`)}</Badge>
                      {r.creditCode ? <span className="font-mono">{r.creditCode}</span> : null}
                    </div>
                  </div>
                ),
              },
              {
                key: 'misconduct',
                header: t('misconduct'),
                cell: (r) => (
                  <div className="min-w-56 max-w-md space-y-1">
                    <p>{r.misconduct}</p>
                    <details className="text-xs text-slate-700">
                      <summary className="cursor-pointer text-brand-700">{t('details')}</summary>
                      <dl className="mt-1 space-y-1">
                        <div>
                          <dt className="inline font-medium">{t('labelled', { label: t('outcome') })}</dt>
                          <dd className="inline">{r.outcome}</dd>
                        </div>
                        <div>
                          <dt className="inline font-medium">{t('labelled', { label: t('handlingBody') })}</dt>
                          <dd className="inline">{r.handlingBody}</dd>
                        </div>
                        <div>
                          <dt className="inline font-medium">{t('labelled', { label: t('legalBasis') })}</dt>
                          <dd className="inline">{r.legalBasis}</dd>
                        </div>
                        {r.liftReason ? (
                          <div>
                            <dt className="inline font-medium">{t('labelled', { label: t('liftReason') })}</dt>
                            <dd className="inline">{r.liftReason}</dd>
                          </div>
                        ) : null}
                      </dl>
                    </details>
                  </div>
                ),
              },
              { key: 'effective', header: t('effectiveOn'), cell: (r) => <span className="whitespace-nowrap">{formatDate(r.effectiveOn)}</span> },
              {
                key: 'ends',
                header: t('sanctionEndsOn'),
                cell: (r) => <span className="whitespace-nowrap">{r.sanctionEndsOn ? formatDate(r.sanctionEndsOn) : t('indefinite')}</span>,
              },
              {
                key: 'state',
                header: t('entryState'),
                cell: (r) => {
                  const s = stateOf(r, today);
                  return (
                    <div className="space-y-0.5">
                      <Badge tone={TONE[s]}>{tState(s)}</Badge>
                      {r.liftedOn ? <div className="whitespace-nowrap text-xs text-slate-600">{formatDate(r.liftedOn)}</div> : null}
                    </div>
                  );
                },
              },
              {
                key: 'action',
                header: <span className="sr-only">{t('lift')}</span>,
                cell: (r) => (r.liftedOn ? null : <LiftEntry entryId={r.id} name={r.subjectName} today={today} />),
              },
            ]}
          />
        )}
        <Pagination basePath={BASE} params={kept} page={page} pageSize={pageSize} total={total} />
      </Card>
      <Card title={t('add')}>
        <AddEntryForm carriers={carriers} today={today} />
      </Card>
    </>
  );
}
