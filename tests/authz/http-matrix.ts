/**
 * The authorization matrix of everything a browser can open: every page and route handler of
 * app/, with who may open it. e2e/access-matrix.spec.ts requests each row as an anonymous
 * visitor, an operator, an operator of another carrier, committee staff and each of the three
 * administrators (system, security, audit), and checks
 * the answer; tests/integration/authz-matrix.test.ts fails when a page or route handler has no
 * row here. Server actions have their own table (tests/authz/actions.ts).
 * Plain data only, so that both test runners can import it.
 */
import type { Role } from '@/lib/roles';

export type Who = 'anonymous' | 'operator' | 'otherOperator' | 'committee' | 'admin' | 'security' | 'auditor';
export const WHO: Who[] = ['anonymous', 'operator', 'otherOperator', 'committee', 'admin', 'security', 'auditor'];

/** 'login': redirected to sign-in; a number: that status. */
export type Answer = 'login' | 200 | 307 | 400 | 401 | 403 | 404;

export type HttpRow = {
  /** The file, relative to app/. */
  file: string;
  method?: 'GET' | 'POST';
  /** An address of the file, with ids of the demo data (the seed is deterministic). */
  path: string;
  /** The roles that may open it; 'anyone' includes visitors who are not signed in. */
  allow: Role[] | 'anyone';
  /**
   * The path names a record of operator 1's carriers: an operator of another carrier gets 404
   * (tests/integration/isolation covers the queries behind it).
   */
  ownRecord?: boolean;
  /** What an allowed role gets, when not 200 (e.g. 404 for a file id that has no file). */
  allowedAnswer?: Answer;
  /** Answers that differ from the rule, each with the reason in a comment at the row. */
  except?: Partial<Record<Who, Answer>>;
};

const OP: Role[] = ['operator'];
const CO: Role[] = ['committee'];
const OP_CO: Role[] = ['operator', 'committee'];
const EVERY_ROLE: Role[] = ['operator', 'committee', 'admin', 'security', 'auditor'];

export const HTTP_MATRIX: HttpRow[] = [
  // The front door sends a visitor to sign-in and a signed-in user to their area.
  { file: 'page.tsx', path: '/', allow: 'anyone', allowedAnswer: 307, except: { anonymous: 'login' } },
  // A signed-in user is sent on from the sign-in page to their area.
  { file: '(auth)/login/page.tsx', path: '/login', allow: 'anyone', allowedAnswer: 307, except: { anonymous: 200 } },
  { file: '(portal)/admin/page.tsx', path: '/admin', allow: ['admin'] },
  { file: '(portal)/admin/users/new/page.tsx', path: '/admin/users/new', allow: ['admin'] },
  { file: '(portal)/admin/users/[id]/page.tsx', path: '/admin/users/5', allow: ['admin'] },
  { file: '(portal)/security/page.tsx', path: '/security', allow: ['security'] },
  { file: '(portal)/security/policy/page.tsx', path: '/security/policy', allow: ['security'] },
  { file: '(portal)/auditor/page.tsx', path: '/auditor', allow: ['auditor'] },
  { file: '(portal)/account/password/page.tsx', path: '/account/password', allow: EVERY_ROLE },
  // Says whether the user's rights await approval (for the demo accounts: none do).
  { file: '(portal)/account/rights/page.tsx', path: '/account/rights', allow: EVERY_ROLE },
  { file: '(portal)/notifications/page.tsx', path: '/notifications', allow: EVERY_ROLE },
  { file: '(portal)/account/sessions/page.tsx', path: '/account/sessions', allow: EVERY_ROLE },
  { file: '(portal)/account/two-factor/page.tsx', path: '/account/two-factor', allow: EVERY_ROLE },

  { file: '(portal)/operator/page.tsx', path: '/operator', allow: OP },
  { file: '(portal)/operator/ventures/page.tsx', path: '/operator/ventures', allow: OP },
  { file: '(portal)/operator/ventures/new/page.tsx', path: '/operator/ventures/new', allow: OP },
  { file: '(portal)/operator/ventures/admit-graduate/page.tsx', path: '/operator/ventures/admit-graduate', allow: OP },
  // Venture 152 has only ever lived in operator 1's carriers. (Venture 150 once lived in one of operator 2's,
  // so its page shows operator 2 that period: docs/data-ownership.md.)
  { file: '(portal)/operator/ventures/[id]/page.tsx', path: '/operator/ventures/152', allow: OP, ownRecord: true },
  { file: '(portal)/operator/ventures/[id]/edit/page.tsx', path: '/operator/ventures/150/edit', allow: OP, ownRecord: true },
  { file: '(portal)/operator/ventures/[id]/exit/page.tsx', path: '/operator/ventures/150/exit', allow: OP, ownRecord: true },
  { file: '(portal)/operator/ventures/[id]/incorporate/page.tsx', path: '/operator/ventures/3/incorporate', allow: OP, ownRecord: true },
  { file: '(portal)/operator/reports/page.tsx', path: '/operator/reports', allow: OP },
  { file: '(portal)/operator/reports/[ventureId]/page.tsx', path: '/operator/reports/150', allow: OP, ownRecord: true },
  { file: '(portal)/operator/graduations/page.tsx', path: '/operator/graduations', allow: OP },
  { file: '(portal)/operator/graduations/record/[ventureId]/page.tsx', path: '/operator/graduations/record/150', allow: OP, ownRecord: true },
  { file: '(portal)/operator/limits/page.tsx', path: '/operator/limits', allow: OP },
  { file: '(portal)/operator/carriers/page.tsx', path: '/operator/carriers', allow: OP },
  { file: '(portal)/operator/carriers/[id]/page.tsx', path: '/operator/carriers/1', allow: OP, ownRecord: true },
  // An operator's own carriers' entries; naming another carrier shows nothing of it (isolation cases).
  { file: '(portal)/operator/audit/page.tsx', path: '/operator/audit?carrier=1', allow: OP },
  { file: '(portal)/operator/transfer/page.tsx', path: '/operator/transfer', allow: OP },
  { file: '(portal)/operator/applications/page.tsx', path: '/operator/applications', allow: OP },
  { file: '(portal)/operator/applications/programmes/page.tsx', path: '/operator/applications/programmes', allow: OP },
  { file: '(portal)/operator/applications/new/page.tsx', path: '/operator/applications/new', allow: OP },
  { file: '(portal)/operator/applications/[id]/page.tsx', path: '/operator/applications/1', allow: OP, ownRecord: true },
  { file: '(portal)/operator/applications/[id]/edit/page.tsx', path: '/operator/applications/1/edit', allow: OP, ownRecord: true },

  { file: '(portal)/committee/page.tsx', path: '/committee', allow: CO },
  { file: '(portal)/committee/targets/page.tsx', path: '/committee/targets', allow: CO },
  { file: '(portal)/committee/applications/page.tsx', path: '/committee/applications', allow: CO },
  { file: '(portal)/committee/applications/[id]/page.tsx', path: '/committee/applications/22', allow: CO },
  { file: '(portal)/committee/programmes/page.tsx', path: '/committee/programmes', allow: CO },
  { file: '(portal)/committee/programmes/new/page.tsx', path: '/committee/programmes/new', allow: CO },
  { file: '(portal)/committee/programmes/[id]/page.tsx', path: '/committee/programmes/1', allow: CO },
  { file: '(portal)/committee/carriers/page.tsx', path: '/committee/carriers', allow: CO },
  { file: '(portal)/committee/carriers/[id]/page.tsx', path: '/committee/carriers/1', allow: CO },
  { file: '(portal)/committee/graduations/page.tsx', path: '/committee/graduations', allow: CO },
  { file: '(portal)/committee/warnings/page.tsx', path: '/committee/warnings', allow: CO },
  { file: '(portal)/committee/statistics/page.tsx', path: '/committee/statistics', allow: CO },
  { file: '(portal)/committee/summary/page.tsx', path: '/committee/summary', allow: CO },
  { file: '(portal)/committee/audit/page.tsx', path: '/committee/audit', allow: CO },
  { file: '(portal)/committee/blacklist/page.tsx', path: '/committee/blacklist', allow: CO },

  { file: 'api/health/route.ts', path: '/api/health', allow: 'anyone' },
  { file: 'api/health/live/route.ts', path: '/api/health/live', allow: 'anyone' },
  { file: 'api/health/ready/route.ts', path: '/api/health/ready', allow: 'anyone' },
  // Only a scraper with METRICS_TOKEN reads it (e2e/operations.spec.ts): without the token
  // everyone, signed in or not, gets 401 (the e2e server sets METRICS_TOKEN; unset, it is a 404).
  { file: 'api/metrics/route.ts', path: '/api/metrics', allow: 'anyone', allowedAnswer: 401 },
  { file: 'api/auth/[...nextauth]/route.ts', path: '/api/auth/csrf', allow: 'anyone' },
  // No file has this id: an allowed role gets past the role check to a 404.
  { file: 'api/applications/attachments/[id]/route.ts', path: '/api/applications/attachments/999999', allow: OP_CO, allowedAnswer: 404 },
  { file: 'api/operator/graduation-files/[id]/route.ts', path: '/api/operator/graduation-files/999999', allow: OP_CO, allowedAnswer: 404 },
  { file: 'api/operator/export/ventures/route.ts', path: '/api/operator/export/ventures', allow: OP },
  { file: 'api/operator/export/audit/route.ts', path: '/api/operator/export/audit', allow: OP },
  { file: 'api/operator/export/reports/route.ts', path: '/api/operator/export/reports?carrier=1&year=2025&quarter=1', allow: OP, ownRecord: true },
  { file: 'api/operator/template/route.ts', path: '/api/operator/template?kind=ventures', allow: OP },
  // A same-origin POST without a form: past the role and origin checks to a 400.
  { file: 'api/operator/import/route.ts', method: 'POST', path: '/api/operator/import', allow: OP, allowedAnswer: 400 },
  { file: 'api/committee/export/budgets/route.ts', path: '/api/committee/export/budgets', allow: CO },
  { file: 'api/committee/export/carriers/route.ts', path: '/api/committee/export/carriers', allow: CO },
  { file: 'api/committee/export/dashboard/route.ts', path: '/api/committee/export/dashboard?table=carriers', allow: CO },
  { file: 'api/committee/export/graduations/route.ts', path: '/api/committee/export/graduations', allow: CO },
  { file: 'api/committee/export/queue/route.ts', path: '/api/committee/export/queue', allow: CO },
  { file: 'api/committee/export/statistics/route.ts', path: '/api/committee/export/statistics?table=carriers', allow: CO },
  { file: 'api/committee/export/audit/route.ts', path: '/api/committee/export/audit', allow: ['committee', 'auditor'] },
  { file: 'api/committee/export/warnings/route.ts', path: '/api/committee/export/warnings', allow: CO },
  { file: 'api/committee/carrier-choices/route.ts', path: '/api/committee/carrier-choices?q=%E5%AD%B5%E5%8C%96', allow: CO },
];

/**
 * The files of public/: served as they are to anyone, signed in or not (the proxy sends no one to
 * sign-in for them). e2e/public-files.spec.ts requests each; tests/integration/authz-matrix.test.ts
 * fails when public/ holds a file that is not listed here.
 */
export const PUBLIC_FILES: { path: string; contentType: string }[] = [
  { path: '/favicon.ico', contentType: 'image/x-icon' },
  { path: '/icon.svg', contentType: 'image/svg+xml' },
  { path: '/logo.svg', contentType: 'image/svg+xml' },
  { path: '/robots.txt', contentType: 'text/plain' },
];

const ROLE_OF: Record<Exclude<Who, 'anonymous'>, Role> = {
  operator: 'operator',
  otherOperator: 'operator',
  committee: 'committee',
  admin: 'admin',
  security: 'security',
  auditor: 'auditor',
};

/** What `who` must get for `row`. */
export function expectedAnswer(row: HttpRow, who: Who): Answer {
  const exception = row.except?.[who];
  if (exception !== undefined) return exception;
  const isApi = row.file.startsWith('api/');
  const allowed = row.allow === 'anyone' || (who !== 'anonymous' && row.allow.includes(ROLE_OF[who]));
  if (!allowed) return who === 'anonymous' ? (isApi ? 401 : 'login') : 403;
  if (who === 'otherOperator' && row.ownRecord) return 404;
  return row.allowedAnswer ?? 200;
}
