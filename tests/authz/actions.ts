import type { Role } from '@/lib/roles';
import * as a from './account-builders';
import * as c from './committee-builders';
import * as o from './operator-builders';
import type { HappyBuilder } from './walk-world';

/**
 * The server-action part of the authorisation matrix: one row per exported server action of
 * every app/**\/actions.ts and app/actions/*.ts. A row says who may call the action, how the
 * walk makes it change something and which audit entity it must record (or why it records
 * nothing), and, for an operator's action, the isolation cases (tests/integration/isolation)
 * that show it refuses another carrier's records.
 *
 * tests/integration/action-walk.test.ts fails for an action without a row, names the row to
 * add, and runs every row. To add one: copy a row of the same area and write its builder in
 * committee-builders.ts or operator-builders.ts.
 */
export type ActionRow = {
  /** The file, relative to app/. */
  file: string;
  /** The export. */
  name: string;
  /** The roles allowed; 'anyone' also lets an anonymous visitor through. */
  roles: Role[] | 'anyone';
  audit: { happy: HappyBuilder; entity: string } | { exempt: string };
  /** For an operator's action: the isolation cases covering it against another carrier's records. */
  isolation?: string[];
};

const OP: Role[] = ['operator'];
const CO: Role[] = ['committee'];
const AD: Role[] = ['admin'];
const SEC: Role[] = ['security'];

const committeeApp = '(portal)/committee/applications/[id]/actions.ts';
const operatorApp = '(portal)/operator/applications/[id]/actions.ts';
const adminUsers = '(portal)/admin/users/actions.ts';
const security = '(portal)/security/actions.ts';
const ventureEdit = '(portal)/operator/ventures/[id]/edit/actions.ts';

export const ACTION_ROWS: ActionRow[] = [
  // The committee
  { file: committeeApp, name: 'acceptAction', roles: CO, audit: { happy: c.accept, entity: 'application' } },
  { file: committeeApp, name: 'returnAction', roles: CO, audit: { happy: c.returnToApplicant, entity: 'application' } },
  { file: committeeApp, name: 'reviewAction', roles: CO, audit: { happy: c.review, entity: 'application' } },
  { file: committeeApp, name: 'decideAction', roles: CO, audit: { happy: c.decide, entity: 'application' } },
  { file: committeeApp, name: 'payAction', roles: CO, audit: { happy: c.pay, entity: 'application' } },
  { file: committeeApp, name: 'inspectAction', roles: CO, audit: { happy: c.inspect, entity: 'application' } },
  { file: '(portal)/committee/blacklist/actions.ts', name: 'addBlacklistAction', roles: CO, audit: { happy: c.addBlacklist, entity: 'blacklist_entry' } },
  { file: '(portal)/committee/blacklist/actions.ts', name: 'liftBlacklistAction', roles: CO, audit: { happy: c.liftBlacklist, entity: 'blacklist_entry' } },
  { file: '(portal)/committee/carriers/[id]/actions.ts', name: 'saveAccreditationAction', roles: CO, audit: { happy: c.saveAccreditation, entity: 'carrier' } },
  { file: '(portal)/committee/graduations/actions.ts', name: 'verifyGraduationAction', roles: CO, audit: { happy: c.verifyGraduation, entity: 'graduation' } },
  { file: '(portal)/committee/graduations/actions.ts', name: 'rejectGraduationAction', roles: CO, audit: { happy: c.rejectGraduation, entity: 'graduation' } },
  { file: '(portal)/committee/programmes/actions.ts', name: 'createProgrammeAction', roles: CO, audit: { happy: c.createProgramme, entity: 'programme' } },
  { file: '(portal)/committee/programmes/actions.ts', name: 'updateProgrammeAction', roles: CO, audit: { happy: c.updateProgramme, entity: 'programme' } },
  { file: '(portal)/committee/targets/actions.ts', name: 'saveTargetAction', roles: CO, audit: { happy: c.saveTarget, entity: 'annual_target' } },

  // The administrator
  { file: adminUsers, name: 'createAccountAction', roles: AD, audit: { happy: a.createAccount, entity: 'user' } },
  { file: adminUsers, name: 'updateAccountAction', roles: AD, audit: { happy: a.updateAccount, entity: 'user' } },
  { file: adminUsers, name: 'setAccountActiveAction', roles: AD, audit: { happy: a.deactivateAccount, entity: 'user' } },
  { file: adminUsers, name: 'resetPasswordAction', roles: AD, audit: { happy: a.resetPassword, entity: 'user' } },
  { file: adminUsers, name: 'endUserSessionsAction', roles: AD, audit: { happy: a.endUserSessions, entity: 'user' } },

  // The security administrator (the audit administrator has no action: they change nothing)
  { file: security, name: 'approveGrantAction', roles: SEC, audit: { happy: a.approveGrant, entity: 'user' } },
  { file: security, name: 'rejectGrantAction', roles: SEC, audit: { happy: a.rejectGrant, entity: 'user' } },
  { file: security, name: 'releaseThrottleAction', roles: SEC, audit: { happy: a.releaseThrottle, entity: 'login_throttle' } },
  { file: security, name: 'saveSecurityPolicyAction', roles: SEC, audit: { happy: a.saveSecurityPolicy, entity: 'security_policy' } },
  { file: adminUsers, name: 'resetSecondFactorAction', roles: AD, audit: { happy: a.resetSecondFactor, entity: 'user' } },

  // Every signed-in user
  {
    file: '(portal)/account/password/actions.ts',
    name: 'changePasswordAction',
    // Everyone's own password, the audit administrator's included: not a change of the portal's data.
    roles: ['operator', 'committee', 'admin', 'security', 'auditor'],
    audit: { happy: a.changeOwnPassword, entity: 'user' },
  },
  {
    file: '(portal)/account/sessions/actions.ts',
    name: 'endSessionAction',
    roles: ['operator', 'committee', 'admin', 'security', 'auditor'],
    audit: { happy: a.endOwnSession, entity: 'user' },
  },
  {
    file: '(portal)/account/sessions/actions.ts',
    name: 'endOtherSessionsAction',
    roles: ['operator', 'committee', 'admin', 'security', 'auditor'],
    audit: { happy: a.endOtherOwnSessions, entity: 'user' },
  },
  {
    file: '(portal)/account/two-factor/actions.ts',
    name: 'enrolSecondFactorAction',
    roles: ['operator', 'committee', 'admin', 'security', 'auditor'],
    audit: { happy: a.enrolSecondFactor, entity: 'user' },
  },
  {
    file: '(portal)/account/two-factor/actions.ts',
    name: 'regenerateRecoveryCodesAction',
    roles: ['operator', 'committee', 'admin', 'security', 'auditor'],
    audit: { happy: a.regenerateRecoveryCodes, entity: 'user' },
  },
  {
    file: '(portal)/notifications/actions.ts',
    name: 'markAllReadAction',
    roles: ['operator', 'committee', 'admin', 'security', 'auditor'],
    audit: { happy: c.markAllRead, entity: 'notification' },
  },
  {
    file: '(portal)/notifications/actions.ts',
    name: 'markReadAction',
    roles: ['operator', 'committee', 'admin', 'security', 'auditor'],
    audit: { happy: c.markOneRead, entity: 'notification' },
  },
  {
    file: 'actions/locale.ts',
    name: 'setLocale',
    roles: 'anyone',
    audit: { exempt: 'Sets the language cookie of the browser; nothing in the database changes.' },
  },

  // The operator
  {
    file: operatorApp,
    name: 'updateDraftAction',
    roles: OP,
    audit: { happy: o.updateDraft, entity: 'application' },
    isolation: ['subsidies: updateDraft of B’s draft'],
  },
  {
    file: operatorApp,
    name: 'deleteDraftAction',
    roles: OP,
    audit: { happy: o.deleteDraft, entity: 'application' },
    isolation: ['subsidies: deleteDraft of B’s draft'],
  },
  {
    file: operatorApp,
    name: 'submitApplicationAction',
    roles: OP,
    audit: { happy: o.submitApplication, entity: 'application' },
    isolation: ['subsidies: submitApplication of B’s draft'],
  },
  {
    file: operatorApp,
    name: 'withdrawApplicationAction',
    roles: OP,
    audit: { happy: o.withdrawApplication, entity: 'application' },
    isolation: ['subsidies: withdrawApplication of B’s submitted application'],
  },
  {
    file: operatorApp,
    name: 'addAttachmentAction',
    roles: OP,
    audit: { happy: o.addAttachmentStep, entity: 'attachment' },
    isolation: ['subsidies: addAttachment to B’s draft'],
  },
  {
    file: operatorApp,
    name: 'removeAttachmentAction',
    roles: OP,
    audit: { happy: o.removeAttachment, entity: 'attachment' },
    isolation: ['subsidies: removeAttachment of B’s draft', 'subsidies: removeAttachment of B’s file through an application of A'],
  },
  {
    file: '(portal)/operator/applications/new/actions.ts',
    name: 'createDraftAction',
    roles: OP,
    audit: { happy: o.createDraft, entity: 'application' },
    isolation: ['subsidies: createDraft for B’s carrier', 'subsidies: createDraft in A’s carrier naming B’s venture'],
  },
  {
    file: '(portal)/operator/carriers/[id]/actions.ts',
    name: 'updateCarrierProfileAction',
    roles: OP,
    audit: { happy: o.updateCarrierProfile, entity: 'carrier' },
    isolation: ['updateCarrierProfile of carrier B'],
  },
  {
    file: '(portal)/operator/graduations/record/[ventureId]/actions.ts',
    name: 'recordGraduationAction',
    roles: OP,
    audit: { happy: o.recordGraduation, entity: 'graduation' },
    isolation: ['recordGraduation for a venture of carrier B'],
  },
  {
    file: '(portal)/operator/reports/actions.ts',
    name: 'saveQuarterAction',
    roles: OP,
    audit: { happy: o.saveQuarter, entity: 'venture_report' },
    isolation: ['saveQuarterReports for carrier B', "saveQuarterReports in carrier A with carrier B's venture"],
  },
  {
    file: ventureEdit,
    name: 'saveVenture',
    roles: OP,
    audit: { happy: o.saveVenture, entity: 'venture' },
    isolation: ['ventures: updateVenture of B’s venture'],
  },
  {
    file: ventureEdit,
    name: 'addVentureFinancing',
    roles: OP,
    audit: { happy: o.addVentureFinancing, entity: 'venture_financing' },
    isolation: ['ventures: addFinancing to B’s venture'],
  },
  {
    file: ventureEdit,
    name: 'removeVentureFinancing',
    roles: OP,
    audit: { happy: o.removeVentureFinancing, entity: 'venture_financing' },
    isolation: ['ventures: removeFinancing of B’s venture', 'ventures: removeFinancing of B’s event through A’s venture'],
  },
  {
    file: '(portal)/operator/ventures/[id]/exit/actions.ts',
    name: 'endStay',
    roles: OP,
    audit: { happy: o.endStay, entity: 'residency' },
    isolation: ['endResidency of B’s venture'],
  },
  {
    file: '(portal)/operator/ventures/[id]/incorporate/actions.ts',
    name: 'incorporate',
    roles: OP,
    audit: { happy: o.incorporate, entity: 'venture' },
    isolation: ['incorporateTeam of B’s venture into A’s carrier', 'incorporateTeam of A’s venture into carrier B'],
  },
  {
    file: '(portal)/operator/ventures/admit-graduate/actions.ts',
    name: 'admitGraduateAction',
    roles: OP,
    audit: { happy: o.admitGraduate, entity: 'residency' },
    isolation: ['admitGraduate into carrier B'],
  },
  {
    file: '(portal)/operator/ventures/new/actions.ts',
    name: 'admitVenture',
    roles: OP,
    audit: { happy: o.admitVenture, entity: 'venture' },
    isolation: ['admitVentures into carrier B'],
  },
];

/** Route handlers that change data, walked with the actions (their matrix rows live with the HTTP table). */
export const CHANGING_ROUTES = [{ file: 'api/operator/import/route.ts', method: 'POST', entity: 'venture' }] as const;
