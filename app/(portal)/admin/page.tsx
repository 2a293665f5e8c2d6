import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { Badge } from '@/components/ui/badge';
import { Card, EmptyState } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { DataTable } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { listAccounts } from '@/db/queries/accounts';
import { requireRole } from '@/lib/server/authz';
import { formatDate } from '@/lib/format';
import { DEFAULT_PAGE_SIZE, parsePaging } from '@/lib/paging';
import { ROLES } from '@/lib/roles';
import { ACCOUNT_STATUSES } from '@/lib/validation/account';
import { one, type Search } from '@/lib/search-params';

export async function generateMetadata() {
  return { title: (await getTranslations('admin'))('title') };
}

export default async function AdminHome({ searchParams }: { searchParams: Promise<Search> }) {
  await requireRole('admin');
  const params = await searchParams;
  const q = z
    .string()
    .trim()
    .max(100)
    .catch('')
    .parse(one(params.q) ?? '');
  const role = z
    .enum(ROLES)
    .optional()
    .catch(undefined)
    .parse(one(params.role) || undefined);
  const status = z
    .enum(ACCOUNT_STATUSES)
    .optional()
    .catch(undefined)
    .parse(one(params.status) || undefined);
  const { page, pageSize } = parsePaging({ page: one(params.page), size: one(params.size) });
  const [{ rows, total }, t, tRoles, tList, tGrants, tAccountStatus] = await Promise.all([
    listAccounts(getDb(), { q: q || undefined, role, active: status ? status === 'active' : undefined, page, pageSize }),
    getTranslations('admin'),
    getTranslations('roles'),
    getTranslations('accounts.list'),
    getTranslations('rightsGrants'),
    getTranslations('glossary.accountStatus'),
  ]);
  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <Link href="/admin/users/new" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
            {tList('newAccount')}
          </Link>
        }
      />
      <Card>
        <form method="get" className="mb-4 flex flex-wrap items-end gap-3" role="search">
          <label className="flex flex-col text-sm">
            <span className="mb-1 text-slate-700">
              {t('name')} / {t('email')}
            </span>
            <input name="q" defaultValue={q} placeholder={t('searchPlaceholder')} className="w-64 rounded-md border border-slate-300 px-3 py-1.5" />
          </label>
          <label className="flex flex-col text-sm">
            <span className="mb-1 text-slate-700">{t('role')}</span>
            <select name="role" defaultValue={role ?? ''} className="rounded-md border border-slate-300 px-3 py-1.5">
              <option value="">{t('anyRole')}</option>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {tRoles(r)}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col text-sm">
            <span className="mb-1 text-slate-700">{tList('status')}</span>
            <select name="status" defaultValue={status ?? ''} className="rounded-md border border-slate-300 px-3 py-1.5">
              <option value="">{tList('anyStatus')}</option>
              {ACCOUNT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {tAccountStatus(s)}
                </option>
              ))}
            </select>
          </label>
          {pageSize !== DEFAULT_PAGE_SIZE ? <input type="hidden" name="size" value={pageSize} /> : null}
          <button type="submit" className="rounded-md bg-brand-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
            {t('apply')}
          </button>
        </form>
        {rows.length === 0 ? (
          <EmptyState>{t('empty')}</EmptyState>
        ) : (
          <DataTable
            caption={t('title')}
            rows={rows}
            rowKey={(r) => r.id}
            columns={[
              {
                key: 'name',
                header: t('name'),
                cell: (r) => (
                  <Link href={`/admin/users/${r.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                    {r.name}
                  </Link>
                ),
              },
              { key: 'email', header: t('email'), cell: (r) => r.email },
              { key: 'role', header: t('role'), cell: (r) => tRoles(r.role) },
              { key: 'carriers', header: t('carriers'), cell: (r) => r.carriers.join('、') || '—' },
              {
                key: 'status',
                header: t('status'),
                cell: (r) => (
                  <span className="flex flex-wrap gap-1">
                    <Badge tone={r.active ? 'good' : 'neutral'}>{tAccountStatus(r.active ? 'active' : 'inactive')}</Badge>
                    {r.mustChangePassword ? <Badge tone="warn">{tList('pendingChange')}</Badge> : null}
                    {r.rightsPending ? <Badge tone="warn">{tGrants('badge')}</Badge> : null}
                  </span>
                ),
              },
              { key: 'last', header: t('lastSignIn'), cell: (r) => formatDate(r.lastSignInAt) },
            ]}
          />
        )}
        <Pagination
          basePath="/admin"
          params={{ q: q || undefined, role, status, size: pageSize !== DEFAULT_PAGE_SIZE ? String(pageSize) : undefined }}
          page={page}
          pageSize={pageSize}
          total={total}
        />
      </Card>
    </>
  );
}
