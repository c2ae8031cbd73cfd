import type { Caller } from '../auth/caller.ts'
import { hashPassword, temporaryPassword } from '../auth/passwords.ts'
import { revokeAllTokens } from '../auth/tokens.ts'
import type { Queryable } from '../db/connection.ts'
import type { UserRow } from '../db/users.ts'
import type { ChangeOutcome } from './member-change.ts'
import { checkCanReset } from './status-rules.ts'

/**
 * Extension: an administrator's password reset (rules 1, 7). Sets the
 * temporary password, forces a new one at the next sign-in and ends every
 * session of the member. The temporary password is returned once, never stored.
 */
export async function applyPasswordReset(
  tx: Queryable,
  actor: Caller,
  target: UserRow,
): Promise<ChangeOutcome<{ username: string; temporaryPassword: string }>> {
  checkCanReset(actor, target)
  // Hashed only once the rules allow it (scrypt costs ~50 ms), under the member's row lock alone.
  const temporary = temporaryPassword()
  const hash = await hashPassword(temporary)
  await tx.query('update users set password_hash = $1, must_change_password = true, modified = $2 where id = $3', [
    hash,
    Date.now(),
    target.id,
  ])
  await revokeAllTokens(tx, target.id)
  return {
    before: { mustChangePassword: target.must_change_password },
    after: { mustChangePassword: true, sessionsEnded: true },
    result: { username: target.username, temporaryPassword: temporary },
  }
}
