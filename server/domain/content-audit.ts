import { writeAudit } from '../audit.ts'
import { type Caller, requirePrivilege } from '../auth/caller.ts'
import type { Db, Queryable } from '../db/connection.ts'
import { recordRefusal, reloadActor } from './member-change.ts'

/** What a move reports for its audit record. */
export interface AuditedChange<T> {
  result: T
  /** The member acted on (the content's owner), as stored: the request may spell it in another case. */
  target: string
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
}

export interface MoveRequest {
  db: Db
  actor: Caller
  /** The operation as the audit log names it. */
  operation: string
  privilege: string
  /** The member acted on as sent, recorded when the move is refused. */
  target: string
}

/**
 * One move of content in one transaction, with its audit record, like
 * changeMember (member-change.ts) but without the organization lock: a move
 * locks the two member rows itself (db/content.ts lockMembers). The privilege
 * is checked again on the actor as they are inside the transaction. The
 * success record commits with the move; a refusal is recorded after the rollback.
 */
export async function runAudited<T>(request: MoveRequest, change: (tx: Queryable, actor: Caller) => Promise<AuditedChange<T>>): Promise<T> {
  const { db, actor, operation, privilege } = request
  try {
    requirePrivilege(actor, privilege)
    return await db.transaction(async (tx) => {
      const current = await reloadActor(tx, actor)
      requirePrivilege(current, privilege)
      const done = await change(tx, current)
      await writeAudit(tx, {
        orgId: actor.orgId,
        actor: actor.username,
        operation,
        target: done.target,
        before: done.before,
        after: done.after,
        outcome: 'success',
      })
      return done.result
    })
  } catch (error) {
    await recordRefusal({ db, actor, operation }, request.target, error)
    throw error
  }
}
