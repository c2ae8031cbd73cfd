import {
  type ActorFacts,
  isAdministrator,
  isAdministratorRole,
  isSelf,
  type MemberFacts,
  PRIVILEGE,
  type RoleFacts,
  roleIdOf,
  type UserTypeFacts,
} from './member-facts.ts'

/**
 * Rule 3 (portal-api.md §7): every privilege of the role lies within the user
 * type's ceiling. A type without a ceiling (a real portal lacking our
 * extension) is left to the portal to judge.
 */
export function roleFitsUserType(role: Pick<RoleFacts, 'privileges'>, type: Pick<UserTypeFacts, 'privileges'> | undefined): boolean {
  if (!type || type.privileges.length === 0) return true
  const ceiling = ceilingOf(type.privileges)
  return role.privileges.every((privilege) => ceiling.has(privilege))
}

// One set per user type's privilege list, not one per role per table row.
const ceilings = new WeakMap<readonly string[], ReadonlySet<string>>()
function ceilingOf(privileges: readonly string[]): ReadonlySet<string> {
  let ceiling = ceilings.get(privileges)
  if (!ceiling) {
    ceiling = new Set(privileges)
    ceilings.set(privileges, ceiling)
  }
  return ceiling
}

/** Why the actor cannot change this member's role at all (whatever the role), or null. */
export function whyRoleIsLocked(actor: ActorFacts, member: MemberFacts): string | null {
  if (!actor.privileges.has(PRIVILEGE.changeUserRoles)) return 'You do not have the privilege to change roles.'
  if (isSelf(actor, member)) return 'You cannot change your own role. Ask another administrator.'
  if (isAdministrator(member) && !actor.isFullAdmin) return 'Only a full administrator can change the role of an administrator.'
  return null
}

/** Why this role cannot be given to this member, or null when it can (or already is theirs). */
export function whyRoleCannotApply(
  actor: ActorFacts,
  member: MemberFacts,
  role: RoleFacts,
  userTypes: readonly UserTypeFacts[],
): string | null {
  if (roleIdOf(member) === role.id) return null
  const locked = whyRoleIsLocked(actor, member)
  if (locked) return locked
  if (isAdministratorRole(role) && !actor.isFullAdmin) return 'Only a full administrator can make a member an administrator.'
  const type = userTypes.find((t) => t.id === member.userLicenseTypeId)
  if (!roleFitsUserType(role, type))
    return `Needs more than the ${type?.name ?? member.userLicenseTypeId} user type allows; change the user type first.`
  return null
}

export interface RoleOption {
  role: RoleFacts
  /** Set when the role cannot be chosen; shown next to it. */
  disabledReason: string | null
}

/** Every role, each with the reason it cannot be chosen for this member (null: selectable). */
export function roleOptionsFor(
  actor: ActorFacts,
  member: MemberFacts,
  roles: readonly RoleFacts[],
  userTypes: readonly UserTypeFacts[],
): RoleOption[] {
  return roles.map((role) => ({ role, disabledReason: whyRoleCannotApply(actor, member, role, userTypes) }))
}

/** For the bulk "Change role": why one member is skipped (already holding it counts as a skip). */
export function whySkipRoleChange(
  actor: ActorFacts,
  member: MemberFacts,
  role: RoleFacts,
  userTypes: readonly UserTypeFacts[],
): string | null {
  if (roleIdOf(member) === role.id) return `Already has the ${role.name} role.`
  return whyRoleCannotApply(actor, member, role, userTypes)
}
