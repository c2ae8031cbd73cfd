import { writeAudit } from '../audit.ts'
import { type Caller, requirePrivilege } from '../auth/caller.ts'
import type { Db, Queryable } from '../db/connection.ts'
import { findUserForUpdate, type UserRow } from '../db/users.ts'
import { invalidToken, PortalError, userNotFound } from '../http/errors.ts'
import { lockOrganization } from './admin-rules.ts'
import { DEFAULT_ROLES, isDefaultRole } from './privileges.ts'

export interface ChangeRequest {
  db: Db
  actor: Caller
  /** The REST operation, as the audit log names it. */
  operation: string
  /** The member acted on, as sent (any case). */
  username: string
  /** The privilege the change needs; omitted when a member changes themself. */
  privilege?: string
  /** Take the organization lock first: changes that could remove an administrator or take a seat. */
  lockOrg?: boolean
  /** What was asked for, recorded as `after` when the change is refused. */
  requested?: Record<string, unknown>
}

export interface ChangeOutcome<T> {
  before?: Record<string, unknown>
  after?: Record<string, unknown>
  /** Nothing changed (e.g. disabling a disabled member): success, and no audit record. */
  noop?: boolean
  result?: T
}

/**
 * The actor as they are now, read inside the transaction: a request that
 * waited on a lock must not act on privileges its author lost meanwhile
 * (demoted or disabled by the request that held the lock).
 */
export async function reloadActor(tx: Queryable, caller: Caller): Promise<Caller> {
  const [row] = await tx.query<{ role: string; role_id: string | null; disabled: boolean; custom: string[] | null }>(
    `select u.role, u.role_id, u.disabled, r.privileges as custom
       from users u left join roles r on r.id = u.role_id where u.id = $1`,
    [caller.userId],
  )
  if (!row || row.disabled) throw invalidToken()
  const privileges = row.custom ?? (isDefaultRole(row.role) ? DEFAULT_ROLES[row.role].privileges : [])
  return {
    ...caller,
    role: row.role,
    roleId: row.role_id,
    privileges: new Set(privileges),
    isFullAdmin: row.role === 'org_admin' && row.role_id === null,
  }
}

/**
 * One change to one member, in one transaction, with its audit record: the
 * success record commits with the change; a refusal is recorded after the
 * rollback, with the messageCode of the rule that refused it.
 */
export async function changeMember<T>(
  request: ChangeRequest,
  change: (tx: Queryable, target: UserRow, actor: Caller) => Promise<ChangeOutcome<T>>,
): Promise<T | undefined> {
  const { db, actor, operation } = request
  let target = request.username
  try {
    if (request.privilege) requirePrivilege(actor, request.privilege)
    return await db.transaction(async (tx) => {
      if (request.lockOrg) await lockOrganization(tx, actor.orgId)
      const current = await reloadActor(tx, actor)
      if (request.privilege) requirePrivilege(current, request.privilege)
      const member = await findUserForUpdate(tx, actor.orgId, request.username)
      if (!member) throw userNotFound(request.username)
      target = member.username
      const outcome = await change(tx, member, current)
      if (!outcome.noop)
        await writeAudit(tx, {
          orgId: actor.orgId,
          actor: actor.username,
          operation,
          target,
          before: outcome.before,
          after: outcome.after,
          outcome: 'success',
        })
      return outcome.result
    })
  } catch (error) {
    await recordRefusal(request, target, error)
    throw error
  }
}

/** Audits a refused attempt. Never masks the refusal itself. */
export async function recordRefusal(request: Omit<ChangeRequest, 'username'>, target: string, error: unknown): Promise<void> {
  try {
    await writeAudit(request.db, {
      orgId: request.actor.orgId,
      actor: request.actor.username,
      operation: request.operation,
      target,
      after: request.requested,
      outcome: 'failure',
      messageCode: error instanceof PortalError ? error.messageCode : 'INTERNAL_ERROR',
    })
  } catch (auditError) {
    console.error(auditError)
  }
}
