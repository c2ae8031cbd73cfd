import type { Caller } from '../auth/caller.ts'
import { requirePrivilege } from '../auth/caller.ts'
import type { Queryable } from '../db/connection.ts'
import { countOwned } from '../db/content.ts'
import type { UserRow } from '../db/users.ts'
import { checkActOnMember } from './admin-rules.ts'
import { applyRoleChange } from './change-role.ts'
import type { ChangeOutcome } from './member-change.ts'
import { checkRoleChange } from './role-rules.ts'
import { type RoleInfo, roleOfMember, sameRole } from './roles.ts'
import { checkSeatFree, checkUserTypeChange } from './user-type-rules.ts'
import { lockSeatsOf, type UserTypeInfo } from './user-types.ts'

/**
 * Moves one member to user type `type`, and to `newRole` with it when sent
 * (our extension, for a type the current role would not fit) — rules 1 to 5,
 * in the caller's transaction, which holds the organization lock. The same
 * type with no role change is a no-op success.
 */
export async function applyUserTypeChange(
  tx: Queryable,
  actor: Caller,
  target: UserRow,
  change: { type: UserTypeInfo; types: UserTypeInfo[]; newRole?: RoleInfo },
): Promise<ChangeOutcome<string>> {
  const { type, types } = change
  checkActOnMember(actor, target, 'changeUserType')
  const currentRole = await roleOfMember(tx, target)
  const newRole = change.newRole && !sameRole(change.newRole, currentRole) ? change.newRole : undefined
  if (newRole) {
    requirePrivilege(actor, 'portal:admin:changeUserRoles')
    checkRoleChange(actor, target, newRole)
  }
  const typeChanges = type.id !== target.user_type_id
  if (!typeChanges && !newRole) return { noop: true, result: target.username }

  if (typeChanges) {
    checkUserTypeChange({ username: target.username, type, types, currentRole, newRole, owned: await countOwned(tx, target.id) })
    checkSeatFree(type, await lockSeatsOf(tx, target.org_id, type.id, target.user_type_id))
  }
  const roleOutcome = newRole ? await applyRoleChange(tx, actor, target, newRole, { typeId: type.id, types }) : {}
  if (typeChanges)
    await tx.query('update users set user_type_id = $1, modified = $2 where id = $3', [type.id, Date.now(), target.id])
  return {
    before: { ...roleOutcome.before, ...(typeChanges && { userLicenseTypeId: target.user_type_id }) },
    after: { ...roleOutcome.after, ...(typeChanges && { userLicenseTypeId: type.id }) },
    result: target.username,
  }
}
