/**
 * The committee's views of the network (docs/architecture.md, "one vocabulary"): the kinds of
 * warning it follows and the orders of its carrier list. The queries (db/queries/network/), the
 * URL filters (lib/server/filters/) and the pages derive from these lists.
 */

/** Tenants admitted with a rule warning, incubations past their limit, ventures without the quarter's report; labels under `networkWarnings.types` (committee-carriers.json). */
export const WARNING_TYPES = ['admission', 'overdue', 'missing_reports'] as const;
export type WarningType = (typeof WARNING_TYPES)[number];

/** The carrier list's sort orders; labels under `committeeCarriers.columns` (committee-carriers.json). */
export const CARRIER_SORTS = ['name', 'occupancy', 'tenants', 'graduates', 'financing', 'timeliness', 'warnings'] as const;
export type CarrierSort = (typeof CARRIER_SORTS)[number];
