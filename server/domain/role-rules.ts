import type { Caller } from '../auth/caller.ts'
import { badRequest, PortalError } from '../http/errors.ts'
import { checkActOnMember, isAdministrator, type TargetMember } from './admin-rules.ts'
import { isFullAdminRole, type RoleInfo } from './roles.ts'
import type { UserTypeInfo } from './user-types.ts'

/** The privileges of the role that the user type's ceiling does not include. */
export function privilegesBeyond(role: RoleInfo, type: UserTypeInfo): string[] {
  const ceiling = new Set(type.privileges)
  return role.privileges.filter((p) => !ceiling.has(p))
}

export const roleFitsType = (role: RoleInfo, type: UserTypeInfo) => privilegesBeyond(role, type).length === 0

/** The lowest user type the role fits, to suggest one. */
export const lowestFittingType = (role: RoleInfo, types: UserTypeInfo[]) =>
  [...types].sort((a, b) => a.level - b.level).find((t) => roleFitsType(role, t))

/**
 * Rule 3: a role fits a user type when every privilege of the role is within
 * the type's ceiling. The message names the role, the type and a type that fits.
 */
export function checkRoleFitsType(role: RoleInfo, type: UserTypeInfo, types: UserTypeInfo[], username: string): void {
  const beyond = privilegesBeyond(role, type)
  if (beyond.length === 0) return
  const fit = lowestFittingType(role, types)
  const suggestion = fit
    ? `Choose a role within ${type.name} (Viewer fits every user type), or give ${username} a user type such as ${fit.name} first.`
    : `No user type of this organization allows that role; choose another role.`
  throw badRequest(
    'ROLE_USER_TYPE_MISMATCH',
    `The role ${role.name} does not fit ${username}'s user type ${type.name}: it holds ${beyond.length} privilege(s) that type cannot have. ${suggestion}`,
    // ArcGIS-style string details: the privileges the type's ceiling lacks.
    beyond,
  )
}

/**
 * Rule 1 for role changes: only a full administrator moves a member into or
 * out of an administrative role (base role org_admin, full or custom), and
 * nobody changes their own role.
 */
export function checkRoleChange(actor: Caller, target: TargetMember, newRole: RoleInfo): void {
  checkActOnMember(actor, target, 'changeRole')
  if (newRole.role === 'org_admin' && !actor.isFullAdmin)
    throw new PortalError(
      403,
      'ORG_ADMIN_ROLE',
      `Only a full administrator can give a member an administrative role (${newRole.name}). Ask a full administrator.`,
    )
}

/** The change takes the target out of the set of full administrators (rule 2 must then hold). */
export const removesFullAdmin = (target: TargetMember, newRole: RoleInfo) =>
  isAdministrator(target) && target.role_id === null && !isFullAdminRole(newRole)
