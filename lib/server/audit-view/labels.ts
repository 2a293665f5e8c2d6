import { ENTITY_KINDS, type IdKind } from './changes';
import type { Role } from '@/lib/roles';

/** Where a role views each kind of record, when it has a page of its own. */
const ENTITY_PAGES: Partial<Record<Role, Partial<Record<string, (id: string) => string>>>> = {
  committee: {
    carrier: (id) => `/committee/carriers/${id}`,
    application: (id) => `/committee/applications/${id}`,
    programme: (id) => `/committee/programmes/${id}`,
  },
  operator: {
    carrier: (id) => `/operator/carriers/${id}`,
    venture: (id) => `/operator/ventures/${id}`,
    application: (id) => `/operator/applications/${id}`,
  },
};

export function entityHref(role: Role, entity: string, id: string | null): string | null {
  if (!id || !/^\d+$/.test(id)) return null;
  return ENTITY_PAGES[role]?.[entity]?.(id) ?? null;
}

/** The viewer of each role that reads the audit log. */
export const AUDIT_PAGE: Partial<Record<Role, string>> = { committee: '/committee/audit', auditor: '/auditor', operator: '/operator/audit' };

/** Most entries one export holds; the page says so next to the button. */
export const AUDIT_EXPORT_MAX = 5_000;
/** The export of each role that exports the log; an operator's holds what their viewer shows. */
export const AUDIT_EXPORT_PATH: Partial<Record<Role, string>> = {
  committee: '/api/committee/export/audit',
  auditor: '/api/committee/export/audit',
  operator: '/api/operator/export/audit',
};

/** Message keys cannot hold dots (they nest), so codes are looked up with underscores. */
export const codeKey = (code: string) => code.replaceAll('.', '_');

/** A label for a code: its translation when there is one, else the code itself. */
export function labelOf(t: { has: (k: string) => boolean; (k: string): string }, group: 'actions' | 'entities', code: string): string {
  const key = `${group}.${codeKey(code)}`;
  return t.has(key) ? t(key) : code;
}

/**
 * What the record of an entry is called, when it has a name: a named record (ENTITY_KINDS) by the
 * names of its page, an exported list by its title, a file by its name, a named record deleted since
 * by what its entry holds (or as a deleted record); null for a record known by its number only.
 */
export function recordNameOf(
  t: { has: (k: string) => boolean; (k: string): string },
  entry: { entity: string; entityId: string | null; before?: unknown; after?: unknown },
  names: Partial<Record<IdKind, ReadonlyMap<number, string>>>,
): string | null {
  if (!entry.entityId) return null;
  if (entry.entity === 'list') return /^[A-Za-z0-9_-]+$/.test(entry.entityId) && t.has(`lists.${entry.entityId}`) ? t(`lists.${entry.entityId}`) : null;
  const kind = ENTITY_KINDS[entry.entity];
  const named = kind && /^\d+$/.test(entry.entityId) ? names[kind]?.get(Number(entry.entityId)) : undefined;
  if (named) return named;
  // A file (an attachment, a piece of evidence) is known by its name, and a record deleted since by the
  // reference number, name or venture its own entry holds.
  const data = [entry.after, entry.before].filter((d): d is Record<string, unknown> => d !== null && typeof d === 'object');
  const own = data.map((d) => d.fileName ?? d.refNo ?? d.name).find((v): v is string => typeof v === 'string' && v !== '');
  if (own) return own;
  const venture = data.map((d) => d.ventureId).find((v): v is number => typeof v === 'number');
  const ventureName = venture === undefined ? undefined : names.venture?.get(venture);
  if (ventureName) return ventureName;
  return kind && names[kind] ? t('value.deletedRecord') : null;
}

/**
 * A carrier's name as the reader's own carrier pages show it: the committee's pages in the language
 * shown (the Chinese name when it has no English one), an operator's pages by the registered
 * (Chinese) name in every language.
 */
export const carrierNameFor = (role: Role, locale: string, c: { name: string | null; nameEn: string | null }) =>
  role !== 'operator' && locale === 'en' && c.nameEn ? c.nameEn : c.name;

/** The readers who see the action codes (on hover in the table; the export has a column of them): those who read the whole log. */
export const READS_ACTION_CODES: readonly Role[] = ['committee', 'auditor'];

/** Shanghai time of an entry, as YYYY-MM-DD HH:mm:ss in every language. */
export function formatAt(d: Date): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(d);
}
