import type { Caller } from '../auth/caller.ts'
import { revokeAllTokens } from '../auth/tokens.ts'
import type { Queryable } from '../db/connection.ts'
import type { UserRow } from '../db/users.ts'
import { assertKeepsAnAdministrator, checkActOnMember } from './admin-rules.ts'
import type { ChangeOutcome } from './member-change.ts'
import { checkCanDisable } from './status-rules.ts'

/**
 * Disables one member (rules 1, 2, 6) in the caller's transaction, which holds
 * the organization lock. Their sessions end at once; their content stays and
 * they still hold their license. Disabling a disabled member is a no-op.
 */
export async function applyDisable(tx: Queryable, actor: Caller, target: UserRow): Promise<ChangeOutcome<string>> {
  checkCanDisable(actor, target)
  if (target.disabled) return { noop: true, result: target.username }
  await assertKeepsAnAdministrator(tx, target.org_id, target)
  await tx.query('update users set disabled = true, modified = $1 where id = $2', [Date.now(), target.id])
  await revokeAllTokens(tx, target.id)
  return { before: { disabled: false }, after: { disabled: true }, result: target.username }
}

/** Enables one member (any administrator with the privilege may, rule 1). Enabling an enabled member is a no-op. */
export async function applyEnable(tx: Queryable, actor: Caller, target: UserRow): Promise<ChangeOutcome<string>> {
  checkActOnMember(actor, target, 'enable')
  if (!target.disabled) return { noop: true, result: target.username }
  await tx.query('update users set disabled = false, modified = $1 where id = $2', [Date.now(), target.id])
  return { before: { disabled: true }, after: { disabled: false }, result: target.username }
}
