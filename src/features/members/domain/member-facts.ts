/**
 * The few facts the action rules look at. Structural, so the rules stay pure
 * and work on full members as well as on the selection's saved summaries.
 */
export interface MemberFacts {
  username: string
  fullName?: string
  /** Default role: org_admin | org_publisher | org_user. */
  role: string
  /** Custom role id (Viewer, Data Editor, custom admin roles); absent for default roles. */
  roleId?: string | null
  userLicenseTypeId: string
  disabled: boolean
  /** Epoch ms; -1 when the member never signed in. */
  lastLogin: number
  provider: string
}

export interface ActorFacts {
  username: string
  privileges: ReadonlySet<string>
  isFullAdmin: boolean
}

export interface RoleFacts {
  id: string
  name: string
  privileges: readonly string[]
  baseRole?: string | null
}

export interface UserTypeFacts {
  id: string
  name: string
  privileges: readonly string[]
  maxUsers?: number | null
  assignedUsers?: number | null
  canOwnContent?: boolean
}

export const PRIVILEGE = {
  viewUsers: 'portal:admin:viewUsers',
  updateUsers: 'portal:admin:updateUsers',
  deleteUsers: 'portal:admin:deleteUsers',
  disableUsers: 'portal:admin:disableUsers',
  changeUserRoles: 'portal:admin:changeUserRoles',
  manageLicenses: 'portal:admin:manageLicenses',
  reassignUsers: 'portal:admin:reassignUsers',
  createItem: 'portal:user:createItem',
} as const

/** A member's role as one id: the custom role id, or the default role name. */
export const roleIdOf = (member: Pick<MemberFacts, 'role' | 'roleId'>) => member.roleId || member.role

/** Any administrator, full or custom (portal-api.md §7 rule 1 protects them). */
/** The name a person knows a member's role by; the raw id when the portal did not list it. */
export function roleNameOf(member: Pick<MemberFacts, 'role' | 'roleId'>, roles: readonly { id: string; name: string }[]): string {
  const id = roleIdOf(member)
  return roles.find((r) => r.id === id)?.name ?? id
}

/** The name of a user type; the raw id when the portal did not list it. */
export function userTypeNameOf(typeId: string, userTypes: readonly { id: string; name: string }[]): string {
  return userTypes.find((t) => t.id === typeId)?.name ?? typeId
}

export const isAdministrator = (member: Pick<MemberFacts, 'role'>) => member.role === 'org_admin'

/** A role that makes its holder an administrator: the default one or a custom admin role. */
export const isAdministratorRole = (role: Pick<RoleFacts, 'id' | 'baseRole'>) =>
  role.id === 'org_admin' || role.baseRole === 'org_admin'

export const isSelf = (actor: ActorFacts, member: Pick<MemberFacts, 'username'>) =>
  actor.username.toLowerCase() === member.username.toLowerCase()

export const hasNeverSignedIn = (member: Pick<MemberFacts, 'lastLogin'>) => member.lastLogin === -1 || member.lastLogin == null

/**
 * Whether members of this type may own items and groups (the ceiling holds
 * createItem). Without a ceiling (a real portal) we cannot tell: assume yes
 * and let the portal refuse.
 */
export function canOwnContent(type: Pick<UserTypeFacts, 'privileges' | 'canOwnContent'>): boolean {
  if (type.canOwnContent !== undefined) return type.canOwnContent
  return type.privileges.length === 0 || type.privileges.includes(PRIVILEGE.createItem)
}

/** Free licenses of a type; Infinity when the portal does not say (a real portal may omit the extension). */
export function seatsLeft(type: UserTypeFacts): number {
  if (type.maxUsers == null || type.assignedUsers == null) return Number.POSITIVE_INFINITY
  return Math.max(0, type.maxUsers - type.assignedUsers)
}
