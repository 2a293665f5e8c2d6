import { moneyText } from '@/lib/money';
import { measureText } from '@/lib/units';
import { ID_FIELDS, rawText, TECHNICAL_FIELDS, type IdKind, type Wording } from './changes';
import { formatAt } from './labels';

/** A translator over the whole catalogue (keys with their namespace), as next-intl gives it. */
export type Messages = { has: (key: string) => boolean; (key: string, values?: Record<string, string>): string };

/** What the records of a page are called in the language shown, by kind and id. */
export type Names = Partial<Record<IdKind, ReadonlyMap<number, string>>>;

/** The language and the names of the records that the changes of a page refer to. */
export type WordingContext = { locale?: string; names?: Names };

/** Where the words for a field's codes are, by field; the first list that has a code names it. */
const CODE_LISTS: Record<string, string[]> = {
  applicantType: ['applications.applicantType'],
  category: ['review.categories'],
  criteria: ['graduation.criteria'],
  documentType: ['documentTypes'],
  eligibleKinds: ['kinds'],
  eligibleStages: ['stages'],
  exitKind: ['ventures.exitKinds'],
  exitReason: ['ventures.exitReasons'],
  focusIndustries: ['industries'],
  fundingMode: ['applications.fundingMode'],
  industry: ['industries'],
  kind: ['kinds', 'ventures.ventureKinds', 'audit.securityKinds'],
  limit: ['audit.securityKinds'],
  reason: ['audit.reasons'],
  recommendation: ['review.recommendations'],
  level: ['levels'],
  metric: ['networkTargets.metrics'],
  previousRole: ['roles'],
  requiredDocuments: ['documentTypes'],
  role: ['roles'],
  ruleWarnings: ['ventures.ruleWarnings'],
  stage: ['stages'],
  subjectType: ['review.blacklist.subjectTypes'],
  talentFlags: ['talent'],
  technicalField: ['technicalFields'],
};

/** A status means something else on each kind of record. */
const STATUS_LISTS: Record<string, string> = {
  application: 'glossary.applicationStatus',
  carrier: 'glossary.carrierStatus',
  graduation: 'glossary.graduationStatus',
  programme: 'glossary.programmeStatus',
};

/** Figures measured in the unit their record holds beside them (a target's limits, an indicator's value). */
const MEASURED_FIELDS: ReadonlySet<string> = new Set(['targetMin', 'targetMax', 'targetValue', 'actualValue']);

/** The audit viewer's own filters, by the labels of its filter form. */
const FILTER_LABELS: Record<string, string> = {
  entity: 'audit.entity',
  entityId: 'audit.entityId',
  action: 'audit.action',
  user: 'audit.user',
  carrier: 'audit.carrier',
  kind: 'audit.kind',
  from: 'audit.from',
  to: 'audit.to',
};

/** Message keys cannot hold dots (they nest), so such a code is never looked up. */
const isCode = (v: unknown): v is string => typeof v === 'string' && /^[A-Za-z0-9_-]+$/.test(v);

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** A file's format as its readers call it (PDF, PNG, Excel…), not its media type. */
const FILE_FORMATS: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'application/vnd.ms-excel': 'Excel',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/msword': 'Word',
  'text/csv': 'CSV',
  'application/zip': 'ZIP',
};
function fileFormat(mime: string): string {
  return FILE_FORMATS[mime.toLowerCase()] ?? (mime.split('/').pop() ?? mime).replace(/^(x-|vnd\.)/, '').toUpperCase();
}

/** A file's size as every language writes it: 48 B, 12.5 KB, 3.2 MB. */
function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const [n, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / (1024 * 1024), 'MB'];
  return `${n.toLocaleString('en-US', { maximumFractionDigits: 1 })} ${unit}`;
}

/**
 * The words of the audit catalogue for the changes of one kind of record (`entity`): each field
 * by its label in audit.fields, codes by the words the portal already uses for them, yes/no,
 * money as the reader writes it, counts with their unit, instants in Beijing time, ids of records by their names, and a
 * nested record as its own "field: value" pairs; a key or a code with no words stays as stored.
 */
export function wordingOf(m: Messages, entity: string, context: WordingContext = {}): Wording {
  const locale = context.locale ?? 'zh-CN';
  const lists = (key: string) => (key === 'status' ? (STATUS_LISTS[entity] ? [STATUS_LISTS[entity]] : []) : (CODE_LISTS[key] ?? []));
  const field = (key: string) => (isCode(key) && m.has(`audit.fields.${key}`) ? m(`audit.fields.${key}`) : key);
  const scalar = (key: string, v: unknown, record?: Record<string, unknown>): string | null => {
    if (v === null || v === undefined) return null;
    if (typeof v === 'boolean') return m(v ? 'audit.value.yes' : 'audit.value.no');
    const kind = ID_FIELDS[key];
    if (kind && (typeof v === 'number' || typeof v === 'string')) {
      const name = context.names?.[kind]?.get(Number(v));
      if (name) return name;
      // The page's names hold every record of its ids that still exists: one not there was deleted.
      if (context.names?.[kind] && /^\d+$/.test(String(v))) return m('audit.value.deletedRecord');
    }
    const unit = record?.unit;
    if (typeof v === 'number' && MEASURED_FIELDS.has(key) && typeof unit === 'string') return measureText(locale, v, unit, (u) => m(`measureUnits.${u}`));
    if (typeof v === 'number' && key.endsWith('Fen') && Number.isSafeInteger(v)) return moneyText(locale, v);
    if (typeof v === 'number' && Number.isSafeInteger(v) && m.has(`audit.value.counts.${key}`))
      return m(`audit.value.counts.${key}`, { n: key === 'year' ? String(v) : v.toLocaleString(locale) });
    if (typeof v === 'number' && key === 'sizeBytes' && Number.isSafeInteger(v) && v >= 0) return fileSize(v);
    if (typeof v === 'string' && key === 'mimeType' && /^[\w.+-]+\/[\w.+-]+$/.test(v)) return fileFormat(v);
    if (typeof v === 'string' && ISO_INSTANT.test(v) && !Number.isNaN(Date.parse(v))) return formatAt(new Date(v));
    if (!isCode(v)) return rawText(v);
    const list = lists(key).find((l) => m.has(`${l}.${v}`));
    return list ? m(`${list}.${v}`) : v;
  };
  /** A nested record: its fields that are not technical, as "field: value" pairs. */
  const pairs = (v: Record<string, unknown>): string | null => {
    const parts = Object.entries(v)
      .filter(([k]) => !TECHNICAL_FIELDS.has(k))
      .map(([k, x]) => [k, value(k, x, v)] as const)
      .filter(([, text]) => text !== null)
      .map(([k, text]) => `${field(k)}${m('audit.value.colon')}${text}`);
    return parts.length === 0 ? null : parts.join(m('audit.value.fieldSeparator'));
  };
  /** The filters of an exported list, kept as its URL's query: each filter by its label, codes of records and actions in words. */
  const query = (q: string): string | null => {
    const parts = [...new URLSearchParams(q)].map(([k, x]) => {
      const label = FILTER_LABELS[k] && m.has(FILTER_LABELS[k]) ? m(FILTER_LABELS[k]) : field(k);
      const code = k === 'entity' || k === 'action' ? `audit.${k === 'entity' ? 'entities' : 'actions'}.${x.replaceAll('.', '_')}` : null;
      return `${label}${m('audit.value.colon')}${code && m.has(code) ? m(code) : (scalar(k, x) ?? '')}`;
    });
    return parts.length === 0 ? null : parts.join(m('audit.value.fieldSeparator'));
  };
  const value = (key: string, v: unknown, record?: Record<string, unknown>): string | null => {
    if (key === 'filters' && typeof v === 'string') return query(v);
    if (Array.isArray(v)) {
      const items = v.map((x) => value(key, x, record)).filter((x): x is string => x !== null);
      if (items.length === 0) return null;
      return items.join(v.some((x) => x !== null && typeof x === 'object') ? m('audit.value.itemSeparator') : m('audit.value.separator'));
    }
    if (v !== null && typeof v === 'object') return pairs(v as Record<string, unknown>);
    return scalar(key, v, record);
  };
  return { field, value, colon: m('audit.value.colon') };
}
