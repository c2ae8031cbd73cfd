import type { Context } from 'hono'
import { requireCaller } from '../../auth/caller.ts'
import { checkOwnPortal } from '../../domain/portal-scope.ts'
import { type AuditFilters, readAuditLog } from '../../domain/audit-log.ts'
import type { AppEnv } from '../../http/context.ts'
import { notPermitted } from '../../http/errors.ts'
import { parseIntParam } from '../../http/params.ts'
import { respond } from '../../http/respond.ts'

export const getAuditLogPath = '/portals/:portalId/auditlog'

/**
 * Extension: GET portals/self/auditLog — full administrators only. Newest
 * first, paged (start, num ≤ 100), filters `target`, `actor`, `operation`.
 * → {total, start, num, nextStart, entries:[{id, at, actor, operation, target, before, after, outcome, messageCode}]}
 */
export async function getAuditLog(c: Context<AppEnv>) {
  const caller = await requireCaller(c)
  checkOwnPortal(c.req.param('portalId'), caller)
  if (!caller.isFullAdmin) throw notPermitted('Only a full administrator can read the audit log.')
  const params = c.get('params')
  const db = c.get('db')
  const start = parseIntParam('start', params.start, 1, 1, Number.MAX_SAFE_INTEGER)
  const num = parseIntParam('num', params.num, 10, 0, 100)
  const filters: AuditFilters = {
    target: params.target?.trim() || undefined,
    actor: params.actor?.trim() || undefined,
    operation: params.operation?.trim() || undefined,
  }
  const { total, entries } = await readAuditLog(db, caller.orgId, filters, start, num)
  const nextStart = start - 1 + entries.length < total && entries.length > 0 ? start + entries.length : -1
  return respond(c, { total, start, num, nextStart, entries })
}
