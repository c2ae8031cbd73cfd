import { type Skipped, whyCannotChangeUserType } from './action-rules.ts'
import {
  type ActorFacts,
  canOwnContent,
  isAdministratorRole,
  isSelf,
  type MemberFacts,
  type RoleFacts,
  roleIdOf,
  seatsLeft,
  type UserTypeFacts,
} from './member-facts.ts'
import { roleFitsUserType } from './role-fit.ts'

export interface UserTypePlanInput<M extends MemberFacts> {
  actor: ActorFacts
  members: readonly M[]
  type: UserTypeFacts
  roles: readonly RoleFacts[]
  /** Whether a member owns items or groups; undefined while not yet known. */
  ownsContent: (username: string) => boolean | undefined
  /** The role given to members whose current role does not fit the new type. */
  replacementRole?: RoleFacts | null
}

export interface UserTypePlan<M> {
  /** Members changed keeping their role. */
  keepRole: M[]
  /** Members changed and given the replacement role (their role does not fit the new type). */
  withNewRole: M[]
  /** Members whose role does not fit and who wait for a replacement role to be picked. */
  needRole: M[]
  skipped: Skipped<M>[]
  /** Members whose ownership is still loading (only asked when the new type cannot own content). */
  checking: M[]
  seatsLeft: number
  /** Roles that fit the new type and the actor may hand out: the replacement-role choices. */
  fittingRoles: RoleFacts[]
}

/** Rules 3–5 of portal-api.md §7 applied to a user type change, before anything is sent. */
export function planUserTypeChange<M extends MemberFacts>(input: UserTypePlanInput<M>): UserTypePlan<M> {
  const { actor, members, type, roles, ownsContent, replacementRole } = input
  const plan: UserTypePlan<M> = {
    keepRole: [],
    withNewRole: [],
    needRole: [],
    skipped: [],
    checking: [],
    seatsLeft: seatsLeft(type),
    fittingRoles: roles.filter((r) => roleFitsUserType(r, type) && (actor.isFullAdmin || !isAdministratorRole(r))),
  }
  const canOwn = canOwnContent(type)
  let seats = plan.seatsLeft
  for (const member of members) {
    const skip = (reason: string) => plan.skipped.push({ member, reason })
    if (member.userLicenseTypeId === type.id) {
      skip(`Already has the ${type.name} user type.`)
      continue
    }
    const ruledOut = whyCannotChangeUserType(actor, member)
    if (ruledOut) {
      skip(ruledOut)
      continue
    }
    const role = roles.find((r) => r.id === roleIdOf(member))
    const roleFits = !role || roleFitsUserType(role, type)
    if (!roleFits && isSelf(actor, member)) {
      skip(`Your ${role?.name} role does not fit ${type.name}, and you cannot change your own role.`)
      continue
    }
    if (!canOwn) {
      const owns = ownsContent(member.username)
      if (owns === undefined) {
        plan.checking.push(member)
        continue
      }
      if (owns) {
        skip(`Owns items or groups, which ${type.name} members cannot own. Move or delete them first.`)
        continue
      }
    }
    if (seats <= 0) {
      skip(`No ${type.name} licenses left.`)
      continue
    }
    seats -= 1
    if (roleFits) plan.keepRole.push(member)
    else if (replacementRole && plan.fittingRoles.some((r) => r.id === replacementRole.id)) plan.withNewRole.push(member)
    else plan.needRole.push(member)
  }
  return plan
}
