import 'server-only';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { auditRecordNames } from '@/db/queries/oversight';
import type { Role } from '@/lib/roles';
import { idsOf } from './changes';
import { carrierNameFor } from './labels';
import type { Names } from './wording';
import { localName } from '@/lib/display-format';

/**
 * What the records a page of entries refers to are called, for the reader: carriers as the
 * reader's carrier pages name them, programmes in the language shown, people and ventures by
 * name, applications by their reference number, quarterly reports by venture and quarter. One query per kind of record for the whole page.
 */
export async function namesOfPage(
  rows: readonly { entity: string; entityId: string | null; before: unknown; after: unknown }[],
  role: Role,
  locale: string,
): Promise<Names> {
  const [stored, tReports] = await Promise.all([auditRecordNames(getDb(), idsOf(rows)), getTranslations({ locale, namespace: 'reports' })]);
  const map = <T extends { id: number }>(list: T[], name: (r: T) => string | null) =>
    new Map(list.flatMap((r) => (name(r) ? [[r.id, name(r)!] as const] : [])));
  return {
    carrier: map(stored.carrier, (c) => carrierNameFor(role, locale, c)),
    user: map(stored.user, (u) => u.name),
    programme: map(stored.programme, (p) => localName(locale, p)),
    venture: map(stored.venture, (v) => v.name),
    application: map(stored.application, (a) => a.name),
    residency: map(stored.residency, (r) => r.name),
    graduation: map(stored.graduation, (r) => r.name),
    financing: map(stored.financing, (r) => r.name),
    report: map(stored.report, (r) => `${r.name} · ${tReports('period', { year: r.year, quarter: r.quarter })}`),
  };
}
