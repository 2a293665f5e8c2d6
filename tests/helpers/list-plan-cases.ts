import type { Db } from '@/db/connect';
import { auditScope, listAuditEntries, listBlacklist } from '@/db/queries/oversight';
import { listAccounts } from '@/db/queries/accounts';
import { graduationQueue, listGraduations } from '@/db/queries/graduations';
import { admissionWarningList, carrierTenants, listNetworkCarriers, missingReportList, overdueIncubationList, reportingQuarter } from '@/db/queries/network';
import { listMissingReports, quarterGrid } from '@/db/queries/reports';
import { listForOperator, reviewQueue } from '@/db/queries/subsidies';
import { incubationLimitAlerts, listVentures } from '@/db/queries/ventures';
import type { Scope } from '@/lib/roles';

/**
 * Every paged list of the portal as its page calls it, with each filter, sort and a deep page,
 * against the benchmark network (scripts/bench-data.ts: carrier 1 is the benchmark operator's
 * incubator with 450 tenants). tests/integration/list-plans.test.ts asks PostgreSQL for the plan
 * of each.
 */
export const OPERATOR: Scope = { kind: 'carriers', carrierIds: [1] };
export const COMMITTEE: Scope = { kind: 'all' };
export const page = (n: number) => ({ page: n, pageSize: 25 });

export type ListCase = [name: string, run: (db: Db) => Promise<unknown>];

export const listCases = (today: string): ListCase[] => [
  // The operator's ventures: every sort, both ways, a deep page, each filter, the search.
  ['operator ventures, by name', (db) => listVentures(db, OPERATOR, {}, page(1), today)],
  ['operator ventures, by name, page 15', (db) => listVentures(db, OPERATOR, {}, page(15), today)],
  ['operator ventures, by name descending', (db) => listVentures(db, OPERATOR, { dir: 'desc' }, page(1), today)],
  ['operator ventures, by entry', (db) => listVentures(db, OPERATOR, { sort: 'entered', dir: 'desc' }, page(1), today)],
  ['operator ventures, by foundation', (db) => listVentures(db, OPERATOR, { sort: 'founded' }, page(3), today)],
  ['operator ventures, by stage', (db) => listVentures(db, OPERATOR, { sort: 'stage' }, page(2), today)],
  ['operator ventures, one carrier and stage', (db) => listVentures(db, OPERATOR, { carrierId: 1, stage: 'incubating' }, page(1), today)],
  ['operator ventures, industry and high-tech', (db) => listVentures(db, OPERATOR, { industry: 'biomedicine', highTech: true }, page(1), today)],
  ['operator ventures, overdue', (db) => listVentures(db, OPERATOR, { limit: 'overdue' }, page(1), today)],
  ['operator ventures, admitted in a year', (db) => listVentures(db, OPERATOR, { enteredYear: Number(today.slice(0, 4)) - 2 }, page(1), today)],
  ['operator ventures, search by name', (db) => listVentures(db, OPERATOR, { q: '企业0012' }, page(1), today)],
  ['operator ventures, search by credit code', (db) => listVentures(db, OPERATOR, { q: 'V00001' }, page(1), today)],
  // The operator's quarterly reports and missing reports.
  ['operator quarter grid', (db) => quarterGrid(db, OPERATOR, { carrierId: 1, ...reportingQuarter(today) })],
  ['operator missing reports', (db) => listMissingReports(db, OPERATOR, reportingQuarter(today))],
  // The operator's applications, each sort.
  ['operator applications, latest change', (db) => listForOperator(db, OPERATOR, page(1))],
  ['operator applications, submitted, page 4', (db) => listForOperator(db, OPERATOR, { sort: 'submitted', ...page(4) })],
  ['operator applications, requested', (db) => listForOperator(db, OPERATOR, { sort: 'requested', dir: 'asc', ...page(1) })],
  ['operator applications, reference, status', (db) => listForOperator(db, OPERATOR, { sort: 'refNo', status: 'submitted', ...page(1) })],
  ['operator graduations', (db) => listGraduations(db, OPERATOR, page(1))],
  ['operator incubation limits', (db) => incubationLimitAlerts(db, OPERATOR, today, { status: 'all', ...page(2) })],
  // The committee's lists.
  ['committee carriers, by name', (db) => listNetworkCarriers(db, today, page(1))],
  ['committee carriers, search', (db) => listNetworkCarriers(db, today, { q: '孵化器01', ...page(1) })],
  ['committee carriers, by tenants, page 3', (db) => listNetworkCarriers(db, today, { sort: 'tenants', dir: 'desc', ...page(3) })],
  ['committee carrier tenants', (db) => carrierTenants(db, 1, today, page(2))],
  ['committee queue', (db) => reviewQueue(db, COMMITTEE, page(1), today)],
  ['committee queue, page 20', (db) => reviewQueue(db, COMMITTEE, page(20), today)],
  ['committee queue, approved', (db) => reviewQueue(db, COMMITTEE, { status: 'approved', ...page(1) }, today)],
  ['committee queue, one carrier', (db) => reviewQueue(db, COMMITTEE, { carrierId: 7, ...page(1) }, today)],
  ['committee queue, one programme', (db) => reviewQueue(db, COMMITTEE, { programId: 3, ...page(1) }, today)],
  ['committee queue, a year and a zone', (db) => reviewQueue(db, COMMITTEE, { year: Number(today.slice(0, 4)) - 1, zone: '张江', ...page(1) }, today)],
  ['committee graduations', (db) => graduationQueue(db, today, page(1))],
  ['committee graduations, verified, page 10', (db) => graduationQueue(db, today, { status: 'verified', ...page(10) })],
  ['committee graduations, pending', (db) => graduationQueue(db, today, { status: 'pending', ...page(1) })],
  ['committee graduations, one carrier', (db) => graduationQueue(db, today, { carrierId: 60, ...page(1) })],
  ['committee warnings, admissions', (db) => admissionWarningList(db, page(1))],
  ['committee warnings, overdue', (db) => overdueIncubationList(db, today, page(3))],
  ['committee warnings, missing reports', (db) => missingReportList(db, reportingQuarter(today), page(2))],
  ['committee warnings, missing reports of a carrier', (db) => missingReportList(db, reportingQuarter(today), { carrierId: 60, ...page(1) })],
  ['committee blacklist', (db) => listBlacklist(db, today, { q: '企业', ...page(1) })],
  ['committee audit log', (db) => listAuditEntries(db, auditScope('committee', COMMITTEE), {}, page(1))],
  ['accounts', (db) => listAccounts(db, page(1))],
];
