import { formatWan } from '@/lib/money';
import { rawText, type Wording } from './changes';

/** A translator over the whole catalogue (keys with their namespace), as next-intl gives it. */
export type Messages = { has: (key: string) => boolean; (key: string, values?: Record<string, string>): string };

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
  level: ['levels'],
  metric: ['networkTargets.metrics'],
  requiredDocuments: ['documentTypes'],
  role: ['roles'],
  ruleWarnings: ['ventures.ruleWarnings'],
  stage: ['stages'],
  subjectType: ['review.blacklist.subjectTypes'],
  talentFlags: ['talent'],
};

/** A status means something else on each kind of record. */
const STATUS_LISTS: Record<string, string> = {
  application: 'applications.status',
  carrier: 'carrierProfile.statuses',
  graduation: 'graduation.status',
  programme: 'review.programmeStatus',
};

/** Message keys cannot hold dots (they nest), so such a code is never looked up. */
const isCode = (v: unknown): v is string => typeof v === 'string' && /^[A-Za-z0-9_-]+$/.test(v);

/**
 * The words of the audit catalogue for the changes of one kind of record (`entity`): each field
 * by its label in audit.fields, codes by the words the portal already uses for them, yes/no,
 * money in fen as 万元; a key or a code with no words stays as stored.
 */
export function wordingOf(m: Messages, entity: string): Wording {
  const lists = (key: string) => (key === 'status' ? (STATUS_LISTS[entity] ? [STATUS_LISTS[entity]] : []) : (CODE_LISTS[key] ?? []));
  const codeText = (key: string, v: unknown): string | null => {
    if (!isCode(v)) return rawText(v);
    const list = lists(key).find((l) => m.has(`${l}.${v}`));
    return list ? m(`${list}.${v}`) : v;
  };
  const value = (key: string, v: unknown): string | null => {
    if (v === null || v === undefined) return null;
    if (typeof v === 'boolean') return m(v ? 'audit.value.yes' : 'audit.value.no');
    if (typeof v === 'number' && key.endsWith('Fen') && Number.isSafeInteger(v)) return m('audit.value.wan', { amount: formatWan(v) });
    if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) {
      return v.length === 0 ? null : v.map((x) => codeText(key, x)).join(m('audit.value.separator'));
    }
    return codeText(key, v);
  };
  const field = (key: string) => (isCode(key) && m.has(`audit.fields.${key}`) ? m(`audit.fields.${key}`) : key);
  return { field, value, colon: m('audit.value.colon') };
}
