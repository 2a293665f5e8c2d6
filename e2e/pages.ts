import type { AccountKey } from './accounts';

/**
 * Every page of the portal, with the role that opens it and the filters worth seeing: the
 * accessibility check (e2e/a11y.spec.ts) and the walk over every page (e2e/walk.spec.ts) open
 * each. Add a row for each new page.
 */
export const PAGES: { path: string; as: AccountKey | null }[] = [
  { path: '/login', as: null },
  { path: '/operator', as: 'operator' },
  { path: '/operator/reports', as: 'operator' },
  { path: '/operator/reports?missing=1', as: 'operator' },
  { path: '/operator/carriers', as: 'operator' },
  { path: '/operator/carriers/1', as: 'operator' },
  { path: '/operator/ventures/new', as: 'operator' },
  { path: '/operator/ventures/admit-graduate', as: 'operator' },
  { path: '/operator/ventures', as: 'operator' },
  { path: '/operator/ventures?stage=incubating&limit=overdue&sort=entered&dir=desc', as: 'operator' },
  { path: '/operator/ventures?q=zzzz-no-such-venture', as: 'operator' },
  { path: '/operator/ventures/150', as: 'operator' }, // a demo tenant of operator1 that moved in from another carrier
  { path: '/operator/ventures/150/edit', as: 'operator' },
  { path: '/operator/transfer', as: 'operator' },
  { path: '/operator?carrier=1', as: 'operator' },
  { path: '/operator/graduations', as: 'operator' },
  { path: '/operator/graduations?view=recorded', as: 'operator' },
  { path: '/operator/limits', as: 'operator' },
  { path: '/operator/limits?status=overdue', as: 'operator' },
  { path: '/operator/applications', as: 'operator' },
  { path: '/operator/applications?status=submitted&sort=requested&dir=desc', as: 'operator' },
  { path: '/operator/applications?status=accepted&carrier=999999', as: 'operator' }, // nothing matches
  { path: '/operator/applications/programmes', as: 'operator' },
  { path: '/operator/applications/new', as: 'operator' },
  { path: '/operator/applications/1', as: 'operator' }, // the demo draft of operator1's incubator
  { path: '/operator/applications/1/edit', as: 'operator' },
  { path: '/notifications', as: 'operator' },
  { path: '/notifications', as: 'committee' },
  { path: '/committee', as: 'committee' },
  { path: '/committee?year=2025&zone=%E5%BC%A0%E6%B1%9F&kind=incubator', as: 'committee' },
  { path: '/committee/targets', as: 'committee' },
  { path: '/committee/targets?year=2015&edit=1', as: 'committee' },
  { path: '/committee/applications', as: 'committee' },
  { path: '/committee/applications?status=approved&year=2026', as: 'committee' },
  { path: '/committee/applications?zone=zzzz-no-such-zone', as: 'committee' },
  { path: '/committee/applications/13', as: 'committee2' }, // reviewed: the review and decision forms
  { path: '/committee/applications/16', as: 'committee3' }, // approved post-subsidy: the inspection form
  { path: '/committee/applications/22', as: 'committee' }, // paid, with payments and a full timeline
  { path: '/committee/programmes', as: 'committee' },
  { path: '/committee/programmes?year=2025&category=rent', as: 'committee' },
  { path: '/committee/programmes/new', as: 'committee' },
  { path: '/committee/programmes/1', as: 'committee' },
  { path: '/committee/statistics', as: 'committee' },
  { path: '/committee/statistics?year=2025&carrier=1&tpage=2', as: 'committee' },
  { path: '/committee/summary', as: 'committee' },
  { path: '/committee/summary?year=2015', as: 'committee' },
  { path: '/committee/blacklist', as: 'committee' },
  { path: '/committee/blacklist?state=all', as: 'committee' },
  { path: '/committee/carriers', as: 'committee' },
  { path: '/committee/carriers?kind=incubator&warnings=1&sort=occupancy&dir=desc', as: 'committee' },
  { path: '/committee/carriers/1', as: 'committee' },
  { path: '/committee/graduations', as: 'committee' },
  { path: '/committee/graduations?status=all', as: 'committee' },
  { path: '/committee/warnings?type=admission', as: 'committee' },
  { path: '/committee/warnings?type=overdue', as: 'committee' },
  { path: '/committee/warnings?type=missing_reports', as: 'committee' },
  { path: '/admin', as: 'admin' },
  { path: '/admin?role=nobody&q=zzzz', as: 'admin' },
  { path: '/admin?status=inactive&role=operator', as: 'admin' },
  { path: '/admin/users/new', as: 'admin' },
  { path: '/admin/users/1', as: 'admin' }, // the administrator's own account: no deactivation, no reset
  { path: '/admin/users/5', as: 'admin' }, // operator1: carriers, deactivation and reset offered
  { path: '/account/password', as: 'operator' },
  { path: '/account/password', as: 'admin' },
  { path: '/security', as: 'security' },
  { path: '/security/policy', as: 'security' },
  { path: '/account/rights', as: 'security' },
  { path: '/auditor', as: 'auditor' },
  { path: '/auditor?action=rights.request', as: 'auditor' },
  { path: '/account/sessions', as: 'committee' },
  // Enrolled demo accounts see the status and the renewal of recovery codes; the enrolment
  // itself and the sign-in's code step are checked in e2e/two-factor.spec.ts.
  { path: '/account/two-factor', as: 'committee' },
  { path: '/account/two-factor', as: 'operator' },
  { path: '/committee/audit', as: 'committee' },
  { path: '/committee/audit?entity=carrier&from=2026-01-01', as: 'committee' },
  { path: '/committee/audit?action=no.such.action', as: 'committee' }, // nothing matches
  { path: '/operator/audit', as: 'operator' },
  { path: '/committee', as: 'operator' }, // the refusal page
];
