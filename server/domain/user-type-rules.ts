import { badRequest } from '../http/errors.ts'
import type { OwnedCounts } from './content-rules.ts'
import { checkRoleFitsType, lowestFittingType, privilegesBeyond } from './role-rules.ts'
import type { RoleInfo } from './roles.ts'
import type { UserTypeInfo } from './user-types.ts'

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/**
 * Rule 4: a member moves to a user type only with a role that fits it — their
 * current one, or `newRole` sent with the change — and, when the type cannot
 * own content, while owning no items and no groups.
 */
export function checkUserTypeChange(input: {
  username: string
  type: UserTypeInfo
  types: UserTypeInfo[]
  currentRole: RoleInfo
  newRole?: RoleInfo
  owned: OwnedCounts
}): void {
  const { username, type, types, currentRole, newRole, owned } = input
  if (newRole) checkRoleFitsType(newRole, type, types, username)
  else if (privilegesBeyond(currentRole, type).length > 0) {
    const fit = lowestFittingType(currentRole, types)
    throw badRequest(
      'USER_TYPE_ROLE_MISMATCH',
      `${username}'s role ${currentRole.name} does not fit the user type ${type.name}. Send a role that fits ${type.name} with the change (the role parameter)${fit ? `, or choose a type such as ${fit.name}` : ''}.`,
      privilegesBeyond(currentRole, type),
    )
  }
  if (type.canOwnContent || (owned.items === 0 && owned.groups === 0)) return
  // Same details as the delete refusal (content-rules.ts): one string per kind owned, count first.
  const details: string[] = []
  if (owned.items > 0) details.push(plural(owned.items, 'item'))
  if (owned.groups > 0) details.push(plural(owned.groups, 'group'))
  throw badRequest(
    'USER_OWNS_CONTENT',
    `${username} owns ${details.join(' and ')}, and a ${type.name} member cannot own content. Move them to another member first (reassign), then change the user type.`,
    details,
  )
}

/** Rule 5: a type with every seat taken cannot be assigned (seats as read under the type's row lock). */
export function checkSeatFree(type: { id: string; name: string }, seats: { assigned: number; maxUsers: number }): void {
  if (seats.assigned >= seats.maxUsers)
    throw badRequest(
      'USER_TYPE_NO_LICENSES',
      `No ${type.name} licenses are left (${seats.assigned} of ${seats.maxUsers} assigned). Free one by changing another member's user type, or add licenses.`,
      [`${seats.assigned} of ${seats.maxUsers} assigned`],
    )
}
