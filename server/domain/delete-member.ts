import type { Queryable } from '../db/connection.ts'
import { countOwned, deleteMemberRows } from '../db/content.ts'
import type { UserRow } from '../db/users.ts'
import type { Caller } from '../auth/caller.ts'
import { assertKeepsAnAdministrator, checkActOnMember } from './admin-rules.ts'
import { assertOwnsNothing } from './content-rules.ts'
import type { ChangeOutcome, ChangeRequest } from './member-change.ts'

/** How community/users/{u}/delete and portals/self/removeUsers call changeMember(s). */
export const deleteRequest = {
  operation: 'delete',
  privilege: 'portal:admin:deleteUsers',
  // Rule 2 spans rows: for an administrator, the organization lock comes first, then the member's row lock.
  lockOrg: 'whenTargetIsAdmin',
} satisfies Partial<ChangeRequest>

/**
 * Deletes one member, permanently (rules 1, 2 and 8), inside changeMember's
 * transaction, which holds the organization lock and the member's row lock.
 * The ownership count runs after the row lock: content moved to this member
 * by a reassign that committed while we waited is seen, and the delete is
 * refused instead of losing it.
 */
export async function applyDelete(tx: Queryable, actor: Caller, member: UserRow): Promise<ChangeOutcome<string>> {
  checkActOnMember(actor, member, 'delete')
  await assertKeepsAnAdministrator(tx, actor.orgId, member)
  assertOwnsNothing(member.username, await countOwned(tx, member.id))
  const removed = await deleteMemberRows(tx, member)
  return {
    result: member.username,
    before: { role: member.role, roleId: member.role_id, userLicenseTypeId: member.user_type_id, disabled: member.disabled },
    after: { deleted: true, ...removed },
  }
}
