import { writeAudit } from '../audit.ts'
import { type Caller, requirePrivilege } from '../auth/caller.ts'
import type { Db, Queryable } from '../db/connection.ts'
import { findUserForUpdate, type UserRow } from '../db/users.ts'
import { invalidToken, PortalError, userNotFound } from '../http/errors.ts'
import { isFullAdministrator, lockOrganization } from './admin-rules.ts'
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
  /**
   * Take the organization lock first: changes that could remove an administrator or take a seat.
   * 'whenTargetIsAdmin': only when the target is an enabled full administrator, the only
   * member whose change can break rule 2 (see changeMember).
   */
  lockOrg?: boolean | 'whenTargetIsAdmin'
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
  const onlyForAdmins = request.lockOrg === 'whenTargetIsAdmin'
  const attempt = (lockOrg: boolean) =>
    db.transaction(async (tx) => {
      if (lockOrg) await lockOrganization(tx, actor.orgId)
      const current = await reloadActor(tx, actor)
      if (request.privilege) requirePrivilege(current, request.privilege)
      const member = await findUserForUpdate(tx, actor.orgId, request.username)
      if (!member) throw userNotFound(request.username)
      target = member.username
      // The lock is always taken before a member's row, so this one is given up and taken in order.
      if (onlyForAdmins && !lockOrg && isEnabledFullAdmin(member)) throw NEEDS_ORG_LOCK
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
  try {
    if (request.privilege) requirePrivilege(actor, request.privilege)
    if (!onlyForAdmins) return await attempt(request.lockOrg === true)
    // Most targets are not enabled full administrators, and nothing they undergo can break rule 2:
    // their change needs only their own row lock, held from the look until the commit, so the
    // organization's changes do not queue behind one lock. An administrator target starts again
    // with the organization lock.
    try {
      return await attempt(false)
    } catch (error) {
      if (error !== NEEDS_ORG_LOCK) throw error
      return await attempt(true)
    }
  } catch (error) {
    await recordRefusal(request, target, error)
    throw error
  }
}

/** Thrown (and caught) inside changeMember only: roll back and start again holding the organization lock. */
const NEEDS_ORG_LOCK = Symbol('needs the organization lock')
const isEnabledFullAdmin = (member: UserRow) => isFullAdministrator(member) && !member.disabled

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
