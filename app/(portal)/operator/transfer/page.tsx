import { getTranslations } from 'next-intl/server';
import { Card, EmptyState } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { transferCarriers } from '@/db/queries/ventures';
import { requireRole, scopeFor } from '@/lib/server/authz';
import { todayInShanghai } from '@/lib/domain/dates';
import { lastClosedQuarter } from '@/lib/domain/reporting';
import { VENTURE_STAGES } from '@/lib/domain/vocabulary';
import { CarrierOptions, NumberOptions, PickerSelect, QUARTERS } from '@/components/forms/picker-select';
import { ImportForm } from './import-form';

export async function generateMetadata() {
  return { title: (await getTranslations('transfer'))('title') };
}

const fieldClass = 'rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm';
const buttonClass = 'rounded-md border border-brand-600 px-3 py-1.5 font-medium text-brand-700 hover:bg-brand-50';
// The section sets the text size; the carrier takes a row of its own.
const wide = 'flex w-full flex-col';
const narrow = 'flex flex-col';

/** Importing ventures or a quarter's reports from a workbook, and exporting them. */
export default async function TransferPage() {
  const user = await requireRole('operator');
  const scope = await scopeFor(user);
  const [carriers, t, tStages] = await Promise.all([transferCarriers(getDb(), scope), getTranslations('transfer'), getTranslations('stages')]);
  const today = todayInShanghai();
  const last = lastClosedQuarter(today);
  const thisYear = Number(today.slice(0, 4));
  const years = [thisYear, thisYear - 1, thisYear - 2, thisYear - 3];
  const choices = carriers.map((c) => ({ id: c.id, name: c.name }));

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      {carriers.length === 0 ? (
        <EmptyState>{t('noCarriers')}</EmptyState>
      ) : (
        <div className="grid gap-6 xl:grid-cols-3">
          <Card title={t('import.heading')} className="xl:col-span-2">
            <ImportForm carriers={choices} years={years} defaultYear={last.year} defaultQuarter={last.quarter} />
          </Card>
          <Card title={t('export.heading')}>
            <div className="space-y-6 text-sm">
              <section aria-labelledby="export-ventures">
                <h3 id="export-ventures" className="font-medium text-slate-900">
                  {t('export.ventures')}
                </h3>
                <p className="mb-2 mt-1 text-slate-600">{t('export.venturesHint')}</p>
                <form method="get" action="/api/operator/export/ventures" className="flex flex-wrap items-end gap-3">
                  <PickerSelect label={t('import.carrier')} labelClassName={wide} name="carrier" defaultValue="" className={`${fieldClass} w-full`}>
                    <option value="">{t('export.allCarriers')}</option>
                    <CarrierOptions carriers={choices} />
                  </PickerSelect>
                  <PickerSelect label={t('export.stage')} labelClassName={narrow} name="stage" defaultValue="" className={fieldClass}>
                    <option value="">{t('export.allStages')}</option>
                    {VENTURE_STAGES.map((s) => (
                      <option key={s} value={s}>
                        {tStages(s)}
                      </option>
                    ))}
                  </PickerSelect>
                  <button type="submit" className={buttonClass}>
                    {t('export.venturesLink')}
                  </button>
                </form>
              </section>
              <section aria-labelledby="export-reports">
                <h3 id="export-reports" className="font-medium text-slate-900">
                  {t('export.reports')}
                </h3>
                <p className="mb-2 mt-1 text-slate-600">{t('export.reportsHint')}</p>
                <form method="get" action="/api/operator/export/reports" className="flex flex-wrap items-end gap-3">
                  <PickerSelect
                    label={t('import.carrier')}
                    labelClassName={wide}
                    name="carrier"
                    defaultValue={choices[0]?.id}
                    className={`${fieldClass} w-full`}
                  >
                    <CarrierOptions carriers={choices} />
                  </PickerSelect>
                  <PickerSelect label={t('import.year')} labelClassName={narrow} name="year" defaultValue={last.year} className={fieldClass}>
                    <NumberOptions values={years} />
                  </PickerSelect>
                  <PickerSelect label={t('import.quarter')} labelClassName={narrow} name="quarter" defaultValue={last.quarter} className={fieldClass}>
                    <NumberOptions values={QUARTERS} label={(q) => t('import.quarterOption', { quarter: q })} />
                  </PickerSelect>
                  <button type="submit" className={buttonClass}>
                    {t('export.reportsLink')}
                  </button>
                </form>
              </section>
            </div>
          </Card>
        </div>
      )}
    </>
  );
}
