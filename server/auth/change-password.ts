import { writeAudit } from '../audit.ts'
import type { Queryable } from '../db/connection.ts'
import { badRequest, PortalError } from '../http/errors.ts'
import { hashPassword, verifyPassword } from './passwords.ts'

export const MIN_PASSWORD_LENGTH = 8
const MAX_PASSWORD_LENGTH = 256

const policyError = (message: string) => badRequest('PASSWORD_POLICY', message)

/** The rules a new password must meet, checked before any hashing. */
export function checkPasswordPolicy(username: string, newPassword: string): void {
  if (newPassword.length < MIN_PASSWORD_LENGTH)
    throw policyError(`The new password must be at least ${MIN_PASSWORD_LENGTH} characters long.`)
  if (newPassword.length > MAX_PASSWORD_LENGTH)
    throw policyError(`The new password must be at most ${MAX_PASSWORD_LENGTH} characters long.`)
  if (newPassword.toLowerCase() === username.toLowerCase()) throw policyError('The new password must not be your username.')
}

interface PasswordRow {
  org_id: string
  username: string
  password_hash: string | null
  disabled: boolean
}

/** A member's change of their own password, checked and hashed, waiting to be written (applyOwnPasswordChange). */
export interface OwnPasswordChange {
  userId: string
  orgId: string
  username: string
  /** The hash the current password was checked against: the change applies only while it is still stored. */
  checkedHash: string
  newHash: string
}

const cannotChange = () => new PortalError(400, 'INVALID_PASSWORD', 'This account cannot change its password.')
const wrongCurrent = () => new PortalError(400, 'INVALID_PASSWORD', 'The current password is incorrect.')

/**
 * A member changes their own password, step one: the current one must be
 * right, the new one must meet the policy and differ from the current one;
 * the new one is hashed. Outside any transaction: its two scrypt runs (~50 ms
 * each) would hold the database meanwhile, and PGlite has one connection for
 * every request. applyOwnPasswordChange writes it.
 */
export async function prepareOwnPasswordChange(
  db: Queryable,
  userId: string,
  currentPassword: string,
  newPassword: string,
): Promise<OwnPasswordChange> {
  const [row] = await db.query<PasswordRow>('select org_id, username, password_hash, disabled from users where id = $1', [userId])
  if (!row || row.disabled) throw cannotChange()
  if (row.password_hash === null)
    throw new PortalError(
      400,
      'INVALID_PASSWORD',
      'This account signs in through your organization’s identity provider; change the password there.',
    )
  checkPasswordPolicy(row.username, newPassword)
  if (!(await verifyPassword(currentPassword, row.password_hash))) throw wrongCurrent()
  if (newPassword === currentPassword) throw policyError('The new password must differ from the current one.')
  return { userId, orgId: row.org_id, username: row.username, checkedHash: row.password_hash, newHash: await hashPassword(newPassword) }
}

/**
 * Step two, inside the operation's transaction: stores the new hash if the
 * password is still the one checked (else the one given is no longer the
 * current one), clears must_change_password and revokes the member's
 * restricted tokens (those only good for this very change); other sessions
 * stay. Audited as changePassword.
 */
export async function applyOwnPasswordChange(tx: Queryable, change: OwnPasswordChange): Promise<void> {
  const [row] = await tx.query<Pick<PasswordRow, 'password_hash' | 'disabled'>>(
    'select password_hash, disabled from users where id = $1 for update',
    [change.userId],
  )
  if (!row || row.disabled) throw cannotChange()
  if (row.password_hash !== change.checkedHash) throw wrongCurrent()
  await tx.query('update users set password_hash = $2, must_change_password = false where id = $1', [change.userId, change.newHash])
  await tx.query('delete from tokens where user_id = $1 and restricted', [change.userId])
  await writeAudit(tx, {
    orgId: change.orgId,
    actor: change.username,
    operation: 'changePassword',
    target: change.username,
    outcome: 'success',
  })
}
