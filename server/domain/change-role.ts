import type { Caller } from '../auth/caller.ts'
import type { Queryable } from '../db/connection.ts'
import type { UserRow } from '../db/users.ts'
import { assertKeepsAnAdministrator } from './admin-rules.ts'
import type { ChangeOutcome } from './member-change.ts'
import { checkRoleChange, checkRoleFitsType, removesFullAdmin } from './role-rules.ts'
import { type RoleInfo, roleOfMember, sameRole } from './roles.ts'
import { loadUserTypes, pickUserType, type UserTypeInfo } from './user-types.ts'

/**
 * Gives `target` the role `newRole` (rules 1, 2, 3), inside the caller's
 * transaction, which holds the organization lock. A custom role sets role to
 * its base role and role_id to its id; a default role clears role_id.
 * `typeId` is the user type the role must fit: the member's own, or the one a
 * user-type change is moving them to.
 */
export async function applyRoleChange(
  tx: Queryable,
  actor: Caller,
  target: UserRow,
  newRole: RoleInfo,
  options: { typeId?: string; types?: UserTypeInfo[] } = {},
): Promise<ChangeOutcome<string>> {
  checkRoleChange(actor, target, newRole)
  const current = await roleOfMember(tx, target)
  if (sameRole(current, newRole)) return { noop: true, result: target.username }
  const types = options.types ?? (await loadUserTypes(tx, target.org_id))
  checkRoleFitsType(newRole, pickUserType(types, options.typeId ?? target.user_type_id), types, target.username)
  if (removesFullAdmin(target, newRole)) await assertKeepsAnAdministrator(tx, target.org_id, target)
  await tx.query('update users set role = $1, role_id = $2, modified = $3 where id = $4', [
    newRole.role,
    newRole.roleId,
    Date.now(),
    target.id,
  ])
  return {
    before: { role: target.role, roleId: target.role_id },
    after: { role: newRole.role, roleId: newRole.roleId },
    result: target.username,
  }
}
