import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { Card, Stat } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import {
  carrierApplicationTotals,
  carrierBlacklistEntries,
  carrierTenants,
  carrierYearFigures,
  committeeCarrierProfile,
  nationalChecksOf,
  networkCarrierFigures,
} from '@/db/queries/network';
import { requireRole } from '@/lib/server/authz';
import { titleAfterAccess } from '@/lib/server/page-metadata';
import { todayInShanghai } from '@/lib/domain/dates';
import { formatDate, formatInt } from '@/lib/format';
import { moneyFigure } from '@/lib/money';
import { parsePaging } from '@/lib/paging';
import { rateText, localName } from '@/lib/display-format';
import { one, pathId, type Search } from '@/lib/search-params';
import { CARRIER_KINDS, CARRIER_LEVELS, CARRIER_STATUSES } from '@/lib/domain/vocabulary';
import { NationalCheckTable } from '../_ui/national-check';
import { WarningBadges } from '../_ui/warning-badges';
import { AccreditationForm } from './accreditation-form';
import { ProfileList } from './profile-list';
import { TenantsTable } from './tenants-table';
import { YearFiguresTable } from './year-figures';
import { EntityHistory } from '@/components/audit/entity-history';
import { orNotFound } from '@/lib/server/not-found';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const id = pathId((await params).id);
  const t = await getTranslations('committeeCarriers');
  if (!id) return { title: t('title') };
  return titleAfterAccess(['committee'], t('title'), async () => (await committeeCarrierProfile(getDb(), id)).name);
}

async function profileOr404(id: number) {
  return orNotFound(committeeCarrierProfile(getDb(), id));
}

export default async function CommitteeCarrierPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Search> }) {
  const user = await requireRole('committee');
  const id = pathId((await params).id);
  if (!id) notFound();
  const sp = await searchParams;
  const { page, pageSize } = parsePaging({ page: one(sp.page), size: one(sp.size) });
  const today = todayInShanghai();
  const db = getDb();
  const profile = await profileOr404(id);
  const [figures, years, tenants, apps, blacklist, checks, t, tn, tKinds, tLevels, tStatus, locale] = await Promise.all([
    networkCarrierFigures(db, today, id),
    carrierYearFigures(db, id, today),
    carrierTenants(db, id, today, { page, pageSize }),
    carrierApplicationTotals(db, id),
    carrierBlacklistEntries(db, id, today),
    nationalChecksOf(db, [profile], today),
    getTranslations('committeeCarriers'),
    getTranslations('nationalCheck'),
    getTranslations('kinds'),
    getTranslations('levels'),
    getTranslations('glossary.carrierStatus'),
    getLocale(),
  ]);
  if (!figures) notFound();
  const national = checks.get(id);
  const td = (k: string, v?: Record<string, string | number>) => t(`detail.${k}`, v);

  return (
    <>
      <nav aria-label={td('breadcrumb')} className="mb-2 text-sm">
        <Link href="/committee/carriers" className="text-brand-700 hover:underline">
          {td('back')}
        </Link>
      </nav>
      <PageHeader
        title={localName(locale, profile)}
        subtitle={[tKinds(profile.kind), tLevels(profile.level), tStatus(profile.status), profile.zone].join(' · ')}
      />

      {blacklist.length > 0 ? (
        <div role="alert" className="mb-6 rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
          <p className="font-medium">{td('blacklisted', { count: blacklist.length })}</p>
          <ul className="mt-1 list-disc pl-5">
            {blacklist.map((b) => (
              <li key={b.id}>
                {td('blacklistEntry', {
                  misconduct: b.misconduct,
                  from: formatDate(b.effectiveOn),
                  until: b.sanctionEndsOn ? td('until', { date: formatDate(b.sanctionEndsOn) }) : td('indefinite'),
                })}
              </li>
            ))}
          </ul>
          <Link href="/committee/blacklist?subject=carrier" className="mt-1 inline-block underline">
            {td('blacklistLink')}
          </Link>
        </div>
      ) : null}

      <section aria-labelledby="figures-heading" className="mb-6">
        <h2 id="figures-heading" className="sr-only">
          {td('figures')}
        </h2>
        <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-6">
          <Stat label={t('columns.tenants')} value={formatInt(figures.tenants)} />
          <Stat
            label={t('columns.occupancy')}
            value={rateText(figures.occupancy)}
            hint={t('occupied', { area: formatInt(figures.occupiedAreaM2), total: formatInt(figures.incubationAreaM2) })}
          />
          <Stat
            label={t('columns.graduates')}
            value={formatInt(figures.graduates)}
            hint={figures.pendingGraduations ? t('pendingGraduations', { count: figures.pendingGraduations }) : undefined}
          />
          <Stat
            label={t('columns.financing')}
            value={rateText(figures.financingRate)}
            hint={t('financed', { financed: figures.financedTenants, tenants: figures.tenants })}
          />
          <Stat
            label={t('columns.timeliness')}
            value={rateText(figures.timeliness)}
            hint={t('reportsFiled', { filed: figures.filedReports, expected: figures.expectedReports })}
          />
          <Stat label={t('columns.warnings')} value={formatInt(figures.warnings)} hint={<WarningBadges carrier={figures} />} />
        </dl>
      </section>

      <div className="mb-6 grid gap-6 lg:grid-cols-2">
        <Card title={td('profile')}>
          <ProfileList profile={profile} />
        </Card>
        <div className="space-y-6">
          <Card title={td('accreditation')}>
            <AccreditationForm
              carrierId={profile.id}
              version={profile.version}
              values={{ kind: profile.kind, level: profile.level, status: profile.status }}
              kinds={CARRIER_KINDS.map((k) => ({ value: k, label: tKinds(k) }))}
              levels={CARRIER_LEVELS.map((l) => ({ value: l, label: tLevels(l) }))}
              statuses={CARRIER_STATUSES.map((s) => ({ value: s, label: tStatus(s) }))}
            />
          </Card>
          <Card title={td('subsidies')}>
            <dl className="mb-3 grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-3">
              {[
                [td('applications'), formatInt(apps.applications)],
                [td('approvedCount'), formatInt(apps.approved)],
                [td('requested'), moneyFigure(locale, apps.requestedFen)],
                [td('approved'), moneyFigure(locale, apps.approvedFen)],
                [td('paid'), moneyFigure(locale, apps.paidFen)],
              ].map(([label, value]) => (
                <div key={label}>
                  <dt className="text-slate-600">{label}</dt>
                  <dd className="font-medium tabular-nums text-slate-900">{value}</dd>
                </div>
              ))}
            </dl>
            <Link href={`/committee/applications?carrier=${profile.id}`} className="mt-2 inline-block text-sm font-medium text-brand-700 hover:underline">
              {td('viewApplications')} →
            </Link>
            {blacklist.length === 0 ? <p className="mt-2 text-xs text-slate-600">{td('noBlacklist')}</p> : null}
          </Card>
        </div>
      </div>

      {national ? (
        <Card title={tn('title')} className="mb-6">
          <p className="mb-3 text-xs text-slate-600">{tn('hint')}</p>
          <NationalCheckTable check={national.check} />
        </Card>
      ) : null}

      <Card title={td('years')} className="mb-6">
        <YearFiguresTable years={years} />
      </Card>

      <Card title={td('tenants')} className="mb-6">
        <TenantsTable carrierId={profile.id} tenants={tenants} page={page} pageSize={pageSize} />
      </Card>

      <Card title={td('links')}>
        <ul className="flex flex-wrap gap-4 text-sm">
          <li>
            <Link href={`/committee/graduations?carrier=${profile.id}&status=all`} className="text-brand-700 hover:underline">
              {td('graduationsLink')}
            </Link>
          </li>
          <li>
            <Link href={`/committee/warnings?carrier=${profile.id}`} className="text-brand-700 hover:underline">
              {td('warningsLink')}
            </Link>
          </li>
        </ul>
      </Card>
      <EntityHistory user={user} entity="carrier" entityId={profile.id} />
    </>
  );
}
