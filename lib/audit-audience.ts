import type { Role } from './roles';

/**
 * Who may read what of the portal's history (docs/review-audiences.md). Every audit action and
 * every field of an entry's before/after has an audience:
 *
 * - `involved`: everyone involved in the record, the carrier's operators included;
 * - `committee`: the committee (and the audit administrator, who reads the whole log) only.
 *
 * Internal to the committee: who on the committee did what (names, user ids, e-mails, client
 * addresses), the reviews (scores, recommendations, recommended amounts, the reviewers' comments,
 * second and later reviews) and what remains of a programme's budget. The applicant reads what the
 * committee decided and the reasons written for them: the status, the amounts approved, paid and
 * finally granted, the inspection's results, and the comments of the steps that speak to them
 * (acceptance, return, decision, rejection, inspection; see APPLICANT_FACING_COMMENTS).
 *
 * This module is the only place these audiences are decided. It is pure: the database reads apply
 * INVOLVED_ACTIONS in SQL (so that paging stays right) and redact rows with `redactAuditEntry`
 * and `redactTimelineEvent`.
 */
export const AUDIENCES = ['involved', 'committee'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** The audience a role reads as: an operator reads what is for everyone involved, every other reader all of it. */
export function readerAudience(role: Role): Audience {
  return role === 'operator' ? 'involved' : 'committee';
}

/** Whether a reader of `reader` audience may read something meant for `audience`. */
export function reads(reader: Audience, audience: Audience): boolean {
  return reader === 'committee' || audience === 'involved';
}

/**
 * Every action the portal writes to the audit log, with the audience of the entry as a whole.
 * An action not in this table is `committee` (an entry nobody has decided about stays internal);
 * `lib/audit-audience.test.ts` fails when code writes an action that is missing here.
 */
export const ACTION_AUDIENCE = {
  // The applicant's own steps.
  'application.create': 'involved',
  'application.edit': 'involved',
  'application.delete': 'involved',
  'application.submit': 'involved',
  'application.withdraw': 'involved',
  'attachment.add': 'involved',
  'attachment.remove': 'involved',
  // The committee's steps: what was decided reaches the applicant, the reviews do not.
  'application.accept': 'involved',
  'application.return': 'involved',
  'application.review': 'committee',
  'application.approve': 'involved',
  'application.reject': 'involved',
  'application.pay': 'involved',
  'application.inspect': 'involved',
  // Ventures, stays, reports and graduations of the carrier.
  'venture.admit': 'involved',
  'venture.admit_graduate': 'involved',
  'venture.readmit': 'involved',
  // Written under the earlier carrier when another operator's carrier admits the venture.
  'venture.admitted_elsewhere': 'involved',
  'venture.incorporate': 'involved',
  'venture.update': 'involved',
  'venture.leave': 'involved',
  'venture.graduate': 'involved',
  'venture.ungraduate': 'involved',
  'venture.financing.add': 'involved',
  'venture.financing.remove': 'involved',
  'residency.open': 'involved',
  'residency.end': 'involved',
  'residency.close': 'involved',
  'residency.reopen': 'involved',
  'report.file': 'involved',
  'report.correct': 'involved',
  'graduation.record': 'involved',
  'graduation_file.upload': 'involved',
  'graduation.verify': 'involved',
  'graduation.reject': 'involved',
  'carrier.updateProfile': 'involved',
  'carrier.updateAccreditation': 'involved',
  'blacklist.add': 'involved',
  'blacklist.lift': 'involved',
  // The committee's own records.
  'programme.create': 'committee',
  'programme.update': 'committee',
  'target.create': 'committee',
  'target.update': 'committee',
  // Accounts and the user's own acts (read by the administrators who read the whole log).
  'user.created': 'committee',
  'user.updated': 'committee',
  'user.deactivated': 'committee',
  'user.reactivated': 'committee',
  'notification.read': 'committee',
  // Security events (lib/audit-kinds.ts): only the audit administrator reads them.
  'auth.signIn': 'committee',
  'auth.signInFailed': 'committee',
  'auth.lockout': 'committee',
  'auth.release': 'committee',
  'auth.signOut': 'committee',
  'session.end': 'committee',
  'user.passwordChanged': 'committee',
  'user.passwordReset': 'committee',
  'user.passwordCheckFailed': 'committee',
  'mfa.enrol': 'committee',
  'mfa.use': 'committee',
  'mfa.reset': 'committee',
  'mfa.recoveryCodes': 'committee',
  'security_policy.update': 'committee',
  'rights.request': 'committee',
  'rights.approve': 'committee',
  'rights.reject': 'committee',
  export: 'committee',
  download: 'committee',
} as const satisfies Record<string, Audience>;

export function actionAudience(action: string): Audience {
  return (ACTION_AUDIENCE as Record<string, Audience>)[action] ?? 'committee';
}

/** The actions whose entries everyone involved reads (the SQL filter of an involved reader's log). */
export const INVOLVED_ACTIONS: readonly string[] = Object.entries(ACTION_AUDIENCE)
  .filter(([, a]) => a === 'involved')
  .map(([action]) => action);

/**
 * Fields internal to the committee whoever wrote the entry: the people of the committee behind a
 * step, the reviews and their parts, and the programme's remaining budget.
 */
export const COMMITTEE_FIELDS: ReadonlySet<string> = new Set([
  'acceptedBy',
  'decidedBy',
  'inspectedBy',
  'verifiedBy',
  'paidBy',
  'reviewerId',
  'reviewerIds',
  'reviewerName',
  'review',
  'reviews',
  'reviewCount',
  'score',
  'recommendation',
  'recommendedFen',
  'internalComment',
  'remainingFen',
  'ip',
]);

/**
 * Fields of an entry written by committee staff (or an administrator) that the applicant reads.
 * Any other field of such an entry is internal: a field nobody has decided about stays with the
 * committee. Entries written by the carrier's operators are the applicant's own data and are
 * read whole, but for COMMITTEE_FIELDS.
 */
export const INVOLVED_FIELDS_OF_STAFF_ENTRIES: ReadonlySet<string> = new Set([
  // Applications: where it stands and the money.
  'status',
  'version',
  'approvedFen',
  'inspectionDueOn',
  'paidFen',
  'finalFen',
  'disbursement',
  'actuals',
  // Graduations, stays and ventures the committee's decisions change.
  'rejectionReason',
  'leftOn',
  'exitReason',
  'stage',
  // The carrier's accreditation.
  'kind',
  'level',
  // The blacklist entry against the carrier, and its lifting.
  'subjectType',
  'ventureId',
  'carrierId',
  'subjectName',
  'creditCode',
  'misconduct',
  'outcome',
  'handlingBody',
  'legalBasis',
  'effectiveOn',
  'sanctionEndsOn',
  'liftedOn',
  'liftReason',
]);

/** Whether an entry or event was written by the carrier's side (its operators). */
const byOperator = (writerRole: Role | null | undefined) => writerRole === 'operator';

/** The audience of one field of an entry's before/after, given the role of whoever wrote the entry. */
export function fieldAudience(field: string, writerRole: Role | null | undefined): Audience {
  if (COMMITTEE_FIELDS.has(field)) return 'committee';
  if (byOperator(writerRole)) return 'involved';
  return INVOLVED_FIELDS_OF_STAFF_ENTRIES.has(field) ? 'involved' : 'committee';
}

/**
 * The audience of who did something (name, user id, e-mail) and from where (client address): the
 * carrier's operators are known to each other; committee staff and administrators act for the
 * committee, not in their own name.
 */
/**
 * Actions written under one carrier by an operator of another (the later carrier's admission, told
 * to the earlier one): that operator belongs to another carrier, so its identity is the committee's.
 */
export const FOREIGN_ACTOR_ACTIONS: ReadonlySet<string> = new Set(['venture.admitted_elsewhere']);

export function identityAudience(actorRole: Role | null | undefined): Audience {
  return byOperator(actorRole) || actorRole === null || actorRole === undefined ? 'involved' : 'committee';
}

/**
 * The comments of the application's timeline, by the step that wrote them: each of these steps
 * has one comment field, and it is written for the applicant (the committee's forms say so).
 * The review's comment is the committee's own and is never put on the timeline; its event (and
 * every later review's) is kept from the applicant by `visibleToApplicant`.
 */
export const APPLICANT_FACING_COMMENTS = ['submit', 'withdraw', 'accept', 'return', 'approve', 'reject', 'pay', 'inspect'] as const;

/** before/after as the reader may read them: the fields not for the reader are left out. */
export function redactValues(values: unknown, writerRole: Role | null | undefined, reader: Audience): unknown {
  if (reader === 'committee') return values;
  if (values === null || values === undefined) return values;
  if (typeof values !== 'object' || Array.isArray(values)) return fieldAudience('value', writerRole) === 'involved' ? values : null;
  const kept = Object.entries(values as Record<string, unknown>).filter(([field]) => reads(reader, fieldAudience(field, writerRole)));
  return Object.fromEntries(kept);
}

export type AuditEntryFields = {
  action: string;
  role: Role | null;
  userId: number | null;
  userName: string | null;
  ip: string | null;
  before: unknown;
  after: unknown;
};

/**
 * One audit entry as the reader may read it. An entry whose action is not for the reader is not
 * redacted here but filtered out before (INVOLVED_ACTIONS, in SQL); one that reaches this function
 * anyway comes back with nothing but its action. `actorHidden` says the actor is known only by role.
 */
export function redactAuditEntry<T extends AuditEntryFields>(entry: T, reader: Audience): T & { actorHidden: boolean } {
  if (reader === 'committee') return { ...entry, actorHidden: false };
  if (!reads(reader, actionAudience(entry.action))) {
    return { ...entry, userId: null, userName: null, ip: null, before: null, after: null, actorHidden: entry.userId !== null };
  }
  const identity = reads(reader, identityAudience(entry.role)) && !FOREIGN_ACTOR_ACTIONS.has(entry.action);
  return {
    ...entry,
    userId: identity ? entry.userId : null,
    userName: identity ? entry.userName : null,
    ip: identity ? entry.ip : null,
    before: redactValues(entry.before, entry.role, reader),
    after: redactValues(entry.after, entry.role, reader),
    actorHidden: !identity && entry.userId !== null,
  };
}

/** One event of an application's timeline as the reader may read it: the actor's name only when its audience is the reader's. */
export function redactTimelineEvent<T extends { actorName: string | null; actorRole: Role | null }>(event: T, reader: Audience): T {
  if (reads(reader, identityAudience(event.actorRole))) return event;
  return { ...event, actorName: null };
}
