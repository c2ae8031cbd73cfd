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

/**
 * A member changes their own password: the current one must be right, the new
 * one must meet the policy and differ from the current one. Clears
 * must_change_password and revokes the member's restricted tokens (those only
 * good for this very change); other sessions stay. Audited as changePassword.
 * Call inside the operation's transaction.
 */
export async function changeOwnPassword(
  tx: Queryable,
  userId: string,
  currentPassword: string,
  newPassword: string,
): Promise<void> {
  const [row] = await tx.query<PasswordRow>(
    'select org_id, username, password_hash, disabled from users where id = $1 for update',
    [userId],
  )
  if (!row || row.disabled) throw new PortalError(400, 'INVALID_PASSWORD', 'This account cannot change its password.')
  if (row.password_hash === null)
    throw new PortalError(
      400,
      'INVALID_PASSWORD',
      'This account signs in through your organization’s identity provider; change the password there.',
    )
  checkPasswordPolicy(row.username, newPassword)
  if (!(await verifyPassword(currentPassword, row.password_hash)))
    throw new PortalError(400, 'INVALID_PASSWORD', 'The current password is incorrect.')
  if (newPassword === currentPassword) throw policyError('The new password must differ from the current one.')

  await tx.query('update users set password_hash = $2, must_change_password = false where id = $1', [
    userId,
    await hashPassword(newPassword),
  ])
  await tx.query('delete from tokens where user_id = $1 and restricted', [userId])
  await writeAudit(tx, {
    orgId: row.org_id,
    actor: row.username,
    operation: 'changePassword',
    target: row.username,
    outcome: 'success',
  })
}
