/**
 * Every page, server-action file and route handler of the operator workspace, with the isolation
 * cases that exercise what it calls on another carrier's data, and (for what a browser can open)
 * the address operator A would guess with carrier B's ids.
 *
 * A route file under app/(portal)/operator or app/api/operator without a row here fails
 * tests/integration/isolation-routes.test.ts; the probes are opened by e2e/isolation.spec.ts.
 * This file holds plain data only, so that both test runners can import it.
 */

/** The ids of the other operator's records that a probe may put into its address. */
export type ForeignIds = { venture: number; carrier: number; application: number };

export type Probe = {
  /** An address with carrier B's ids. */
  path: (b: ForeignIds) => string;
  /**
   * 'notFound': the answer is a 404.
   * 'noneOfB': the page answers for operator A's own carriers and shows nothing of carrier B
   * (a filter naming a carrier outside the scope is dropped, not an error).
   */
  expect: 'notFound' | 'noneOfB';
};

export type RouteRow = {
  /** The file, relative to app/. */
  file: string;
  /** Names of the isolation cases (isolation/*.cases.ts) that cover what the file calls. */
  cases: string[];
  probes?: Probe[];
};

export const OPERATOR_ROUTES: RouteRow[] = [
  {
    file: '(portal)/operator/audit/page.tsx',
    cases: [
      'audit: listAuditEntries filtered on carrier B',
      'audit: listAuditEntries of B’s venture (entity and id)',
      'audit: listAuditEntries unfiltered holds none of carrier B',
      'audit: filter choices hold none of carrier B',
    ],
    probes: [
      { path: (b) => `/operator/audit?carrier=${b.carrier}`, expect: 'noneOfB' },
      { path: (b) => `/operator/audit?entity=venture&entityId=${b.venture}`, expect: 'noneOfB' },
      { path: (b) => `/operator/audit?entity=carrier&entityId=${b.carrier}`, expect: 'noneOfB' },
    ],
  },
  {
    file: '(portal)/operator/page.tsx',
    cases: ['operatorDashboard for carrier B'],
    probes: [{ path: (b) => `/operator?carrier=${b.carrier}`, expect: 'noneOfB' }],
  },
  {
    file: '(portal)/operator/ventures/page.tsx',
    cases: [
      'ventures: listVentures with carrier = B',
      'ventures: listVentures searching B’s credit code',
      'ventures: carrierChoices (the list’s carrier filter) hold none of B',
    ],
    probes: [{ path: (b) => `/operator/ventures?carrier=${b.carrier}`, expect: 'noneOfB' }],
  },
  {
    file: '(portal)/operator/ventures/[id]/page.tsx',
    cases: ['ventures: getVentureDetail of B’s venture', 'audit: entityHistory of B’s venture'],
    probes: [{ path: (b) => `/operator/ventures/${b.venture}`, expect: 'notFound' }],
  },
  {
    file: '(portal)/operator/ventures/[id]/edit/page.tsx',
    cases: ['ventures: getVentureDetail of B’s venture'],
    probes: [{ path: (b) => `/operator/ventures/${b.venture}/edit`, expect: 'notFound' }],
  },
  {
    file: '(portal)/operator/ventures/[id]/edit/actions.ts',
    cases: [
      'ventures: updateVenture of B’s venture',
      'ventures: addFinancing to B’s venture',
      'ventures: removeFinancing of B’s venture',
      'ventures: removeFinancing of B’s event through A’s venture',
    ],
  },
  {
    file: '(portal)/operator/ventures/[id]/exit/page.tsx',
    cases: ['openResidencyOfVenture of B’s venture'],
    probes: [{ path: (b) => `/operator/ventures/${b.venture}/exit`, expect: 'notFound' }],
  },
  { file: '(portal)/operator/ventures/[id]/exit/actions.ts', cases: ['endResidency of B’s venture'] },
  {
    file: '(portal)/operator/ventures/[id]/incorporate/page.tsx',
    cases: ['openResidencyOfVenture of B’s venture', 'carriersForResidency lists none of B’s carriers'],
    probes: [{ path: (b) => `/operator/ventures/${b.venture}/incorporate`, expect: 'notFound' }],
  },
  {
    file: '(portal)/operator/ventures/[id]/incorporate/actions.ts',
    cases: ['incorporateTeam of B’s venture into A’s carrier', 'incorporateTeam of A’s venture into carrier B'],
  },
  {
    file: '(portal)/operator/ventures/new/page.tsx',
    cases: ['carriersForResidency lists none of B’s carriers'],
    probes: [{ path: (b) => `/operator/ventures/new?carrier=${b.carrier}`, expect: 'noneOfB' }],
  },
  { file: '(portal)/operator/ventures/new/actions.ts', cases: ['admitVentures into carrier B'] },
  {
    file: '(portal)/operator/ventures/admit-graduate/page.tsx',
    cases: ['carriersForResidency lists none of B’s carriers'],
    probes: [{ path: (b) => `/operator/ventures/admit-graduate?carrier=${b.carrier}`, expect: 'noneOfB' }],
  },
  { file: '(portal)/operator/ventures/admit-graduate/actions.ts', cases: ['admitGraduate into carrier B'] },
  {
    file: '(portal)/operator/reports/page.tsx',
    cases: [
      'quarterGrid of carrier B',
      'listMissingReports of carrier B',
      'listMissingReports of all carriers in scope holds none of carrier B',
      'listOperatorCarriers holds none of carrier B',
    ],
    probes: [{ path: (b) => `/operator/reports?carrier=${b.carrier}`, expect: 'notFound' }],
  },
  {
    file: '(portal)/operator/reports/[ventureId]/page.tsx',
    cases: ["getVentureReports of carrier B's venture", "quarterGridRow of carrier B's venture", "quarterGridRow of carrier B's venture through carrier A"],
    probes: [{ path: (b) => `/operator/reports/${b.venture}`, expect: 'notFound' }],
  },
  {
    file: '(portal)/operator/reports/actions.ts',
    cases: ['saveQuarterReports for carrier B', "saveQuarterReports in carrier A with carrier B's venture"],
  },
  {
    file: '(portal)/operator/carriers/page.tsx',
    cases: ['listOperatorCarriers holds none of carrier B'],
    probes: [{ path: () => '/operator/carriers', expect: 'noneOfB' }],
  },
  {
    file: '(portal)/operator/carriers/[id]/page.tsx',
    cases: ['getCarrierProfile of carrier B', 'audit: entityHistory of carrier B'],
    probes: [{ path: (b) => `/operator/carriers/${b.carrier}`, expect: 'notFound' }],
  },
  { file: '(portal)/operator/carriers/[id]/actions.ts', cases: ['updateCarrierProfile of carrier B'] },
  {
    file: '(portal)/operator/graduations/page.tsx',
    cases: [
      'graduationCandidates of carrier B',
      'graduationCandidates across operator A’s carriers leave out B’s tenants',
      'listGraduations of carrier B',
      'listGraduations across operator A’s carriers',
    ],
    probes: [
      { path: (b) => `/operator/graduations?carrier=${b.carrier}`, expect: 'noneOfB' },
      { path: (b) => `/operator/graduations?view=recorded&carrier=${b.carrier}`, expect: 'noneOfB' },
    ],
  },
  {
    file: '(portal)/operator/graduations/record/[ventureId]/page.tsx',
    cases: ['graduationCandidate (the record page) for a venture of carrier B'],
    probes: [{ path: (b) => `/operator/graduations/record/${b.venture}`, expect: 'notFound' }],
  },
  { file: '(portal)/operator/graduations/record/[ventureId]/actions.ts', cases: ['recordGraduation for a venture of carrier B'] },
  {
    file: '(portal)/operator/limits/page.tsx',
    cases: ['incubationLimitAlerts of carrier B', 'incubationLimitAlerts across operator A’s carriers leave out B’s tenants'],
    probes: [{ path: (b) => `/operator/limits?carrier=${b.carrier}`, expect: 'noneOfB' }],
  },
  {
    file: '(portal)/operator/transfer/page.tsx',
    cases: ['transferCarriers (the transfer page, template and export names) hold none of B'],
    probes: [{ path: () => '/operator/transfer', expect: 'noneOfB' }],
  },
  {
    file: 'api/operator/import/route.ts',
    cases: ['importVentures with rows naming carrier B', 'importReports for carrier B', "importReports in carrier A naming carrier B's venture"],
  },
  {
    file: 'api/operator/template/route.ts',
    cases: ['quarterGrid of carrier B', 'transferCarriers (the transfer page, template and export names) hold none of B'],
    probes: [{ path: (b) => `/api/operator/template?kind=reports&carrier=${b.carrier}&year=2026&quarter=1`, expect: 'notFound' }],
  },
  {
    file: 'api/operator/export/ventures/route.ts',
    cases: ['ventureExportRows filtered on carrier B', "ventureExportRows searching carrier B's credit code"],
  },
  {
    file: 'api/operator/export/audit/route.ts',
    cases: [
      'audit: listAuditEntries filtered on carrier B',
      'audit: listAuditEntries of B’s venture (entity and id)',
      'audit: listAuditEntries unfiltered holds none of carrier B',
    ],
  },
  {
    file: 'api/operator/export/reports/route.ts',
    cases: ['reportExportRows of carrier B', 'exportReports of carrier B'],
    probes: [{ path: (b) => `/api/operator/export/reports?carrier=${b.carrier}&year=2026&quarter=1`, expect: 'notFound' }],
  },
  {
    file: 'api/operator/graduation-files/[id]/route.ts',
    cases: ['graduationFile (the download route) of carrier B'],
  },
  {
    file: '(portal)/operator/applications/page.tsx',
    cases: [
      'subsidies: listForOperator of carrier B',
      'subsidies: listForOperator across operator A’s carriers leaves out B’s applications',
      'ventures: carrierChoices (the list’s carrier filter) hold none of B',
      'applications: appliedProgrammeChoices (the list’s programme filter) hold none of B’s programmes',
    ],
    probes: [
      { path: (b) => `/operator/applications?carrier=${b.carrier}`, expect: 'noneOfB' },
      { path: (b) => `/operator/applications?carrier=${b.carrier}&status=submitted&sort=requested&dir=desc`, expect: 'noneOfB' },
    ],
  },
  {
    file: '(portal)/operator/applications/programmes/page.tsx',
    cases: [
      'subsidies: openProgrammesFor lists none of B’s ventures as applicants',
      'applications: liveApplicationsIn (applied already) holds none of B’s applications',
    ],
    probes: [{ path: () => '/operator/applications/programmes', expect: 'noneOfB' }],
  },
  {
    file: '(portal)/operator/applications/new/page.tsx',
    cases: ['subsidies: openProgrammesFor lists none of B’s ventures as applicants'],
    probes: [{ path: (b) => `/operator/applications/new?programme=1&carrier=${b.carrier}&venture=${b.venture}`, expect: 'noneOfB' }],
  },
  {
    file: '(portal)/operator/applications/new/actions.ts',
    cases: ['subsidies: createDraft for B’s carrier', 'subsidies: createDraft in A’s carrier naming B’s venture'],
  },
  {
    file: '(portal)/operator/applications/[id]/page.tsx',
    cases: ['subsidies: getApplication of B’s application', 'audit: entityHistory of an application of carrier B'],
    probes: [{ path: (b) => `/operator/applications/${b.application}`, expect: 'notFound' }],
  },
  {
    file: '(portal)/operator/applications/[id]/edit/page.tsx',
    cases: ['subsidies: getApplication of B’s application'],
    probes: [{ path: (b) => `/operator/applications/${b.application}/edit`, expect: 'notFound' }],
  },
  {
    file: '(portal)/operator/applications/[id]/actions.ts',
    cases: [
      'subsidies: updateDraft of B’s draft',
      'subsidies: deleteDraft of B’s draft',
      'subsidies: submitApplication of B’s draft',
      'subsidies: withdrawApplication of B’s submitted application',
      'subsidies: addAttachment to B’s draft',
      'subsidies: removeAttachment of B’s draft',
      'subsidies: removeAttachment of B’s file through an application of A',
    ],
  },
];
