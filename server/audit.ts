import type { Queryable } from './db/connection.ts'

export interface AuditEntry {
  orgId: string
  /** Username of who acted. */
  actor: string
  /** The REST operation, e.g. 'updateUserRole', 'disableUsers', 'reassign'. */
  operation: string
  /** Username acted on. */
  target: string
  before?: Record<string, unknown> | null
  after?: Record<string, unknown> | null
  outcome: 'success' | 'failure'
  /** The rule's messageCode, on failure. */
  messageCode?: string | null
}

/**
 * Records one change, inside the transaction that makes it (so a rolled-back
 * change leaves no success record). Failures are recorded outside any
 * transaction that was rolled back.
 */
export async function writeAudit(db: Queryable, entry: AuditEntry): Promise<void> {
  await db.query(
    `insert into audit_log (org_id, at, actor, operation, target, before, after, outcome, message_code)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
    [
      entry.orgId,
      Date.now(),
      entry.actor,
      entry.operation,
      entry.target,
      entry.before ? JSON.stringify(entry.before) : null,
      entry.after ? JSON.stringify(entry.after) : null,
      entry.outcome,
      entry.messageCode ?? null,
    ],
  )
}
