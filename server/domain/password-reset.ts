import type { Caller } from '../auth/caller.ts'
import { hashPassword, temporaryPassword } from '../auth/passwords.ts'
import { revokeAllTokens } from '../auth/tokens.ts'
import type { Queryable } from '../db/connection.ts'
import type { UserRow } from '../db/users.ts'
import type { ChangeOutcome } from './member-change.ts'
import { checkCanReset } from './status-rules.ts'

/** A temporary password and its hash, made before the transaction (applyPasswordReset). */
export interface TemporaryPassword {
  password: string
  hash: string
}

/**
 * Made outside any transaction: scrypt's ~50 ms would otherwise hold the
 * database (PGlite has one connection for every request). A refused reset
 * wastes it, which is rarer than a reset.
 */
export async function makeTemporaryPassword(): Promise<TemporaryPassword> {
  const password = temporaryPassword()
  return { password, hash: await hashPassword(password) }
}

/**
 * Extension: an administrator's password reset (rules 1, 7). Sets the
 * temporary password, forces a new one at the next sign-in and ends every
 * session of the member. The temporary password is returned once, never stored.
 */
export async function applyPasswordReset(
  tx: Queryable,
  actor: Caller,
  target: UserRow,
  temporary: TemporaryPassword,
): Promise<ChangeOutcome<{ username: string; temporaryPassword: string }>> {
  checkCanReset(actor, target)
  await tx.query('update users set password_hash = $1, must_change_password = true, modified = $2 where id = $3', [
    temporary.hash,
    Date.now(),
    target.id,
  ])
  await revokeAllTokens(tx, target.id)
  return {
    before: { mustChangePassword: target.must_change_password },
    after: { mustChangePassword: true, sessionsEnded: true },
    result: { username: target.username, temporaryPassword: temporary.password },
  }
}
