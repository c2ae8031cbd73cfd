import type { Queryable } from '../db/connection.ts'

export interface AuditFilters {
  target?: string
  actor?: string
  operation?: string
}

export interface AuditLogEntry {
  id: number
  at: number
  actor: string
  operation: string
  target: string
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
  outcome: 'success' | 'failure'
  messageCode: string | null
}

// An absent filter is a null parameter, so one static statement serves every combination.
// Usernames match in any case (migration 006 indexes the lower-cased columns).
const WHERE = `where org_id = $1 and ($2::text is null or lower(target) = lower($2)) and ($3::text is null or lower(actor) = lower($3))
  and ($4::text is null or operation = $4)`

/** One page of the organization's audit log, newest first. */
export async function readAuditLog(
  db: Queryable,
  orgId: string,
  filters: AuditFilters,
  start: number,
  num: number,
): Promise<{ total: number; entries: AuditLogEntry[] }> {
  const args = [orgId, filters.target ?? null, filters.actor ?? null, filters.operation ?? null]
  const [count] = await db.query<{ total: number }>(`select count(*)::int as total from audit_log ${WHERE}`, args)
  const rows = await db.query<AuditLogEntry>(
    `select id, at, actor, operation, target, before, after, outcome, message_code as "messageCode"
       from audit_log ${WHERE} order by id desc limit $5 offset $6`,
    [...args, num, start - 1],
  )
  return { total: count?.total ?? 0, entries: rows.map((r) => ({ ...r, id: Number(r.id) })) }
}
