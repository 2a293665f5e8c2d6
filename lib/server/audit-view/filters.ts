import { z } from 'zod';
import type { AuditFilters } from '@/db/queries/oversight';
import { AUDIT_KINDS, type AuditKind } from '@/lib/audit-kinds';
import { isIsoDate } from '@/lib/domain/dates';
import { one, optionalId, type Search } from '../../search-params';

/** A code of the audit log (entity or action): letters, digits, dots and underscores. */
const code = (v: string | undefined) =>
  z
    .string()
    .regex(/^[a-z][a-zA-Z0-9_.]{0,63}$/)
    .optional()
    .catch(undefined)
    .parse(v || undefined);
const kind = (v: string | undefined) => ((AUDIT_KINDS as readonly string[]).includes(v ?? '') ? (v as AuditKind) : undefined);
const day = (v: string | undefined) => (v && isIsoDate(v) ? v : undefined);
const entityId = (v: string | undefined) =>
  z
    .string()
    .trim()
    .min(1)
    .max(64)
    .optional()
    .catch(undefined)
    .parse(v || undefined);

/** The audit viewer's filters from its URL (user, entity, entityId, action, kind, carrier, from, to); bad values are left out. */
export function parseAuditFilters(params: Search | URLSearchParams): AuditFilters {
  const get = (k: string) => (params instanceof URLSearchParams ? (params.get(k) ?? undefined) : one(params[k]));
  const entity = code(get('entity'));
  return {
    userId: optionalId(get('user')),
    entity,
    entityId: entity ? entityId(get('entityId')) : undefined,
    action: code(get('action')),
    kind: kind(get('kind')),
    carrierId: optionalId(get('carrier')),
    from: day(get('from')),
    to: day(get('to')),
  };
}

/** The filters as URL params again (for links, paging and the export). */
export function auditParams(f: AuditFilters): Record<string, string | undefined> {
  return {
    user: f.userId?.toString(),
    entity: f.entity,
    entityId: f.entityId,
    action: f.action,
    kind: f.kind,
    carrier: f.carrierId?.toString(),
    from: f.from,
    to: f.to,
  };
}

export const isFiltered = (f: AuditFilters) => Object.values(auditParams(f)).some(Boolean);
