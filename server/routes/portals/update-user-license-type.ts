import type { Context } from 'hono'
import { requireCaller } from '../../auth/caller.ts'
import { changeMembers, refuseAll, requireBulkPrivilege } from '../../domain/bulk-change.ts'
import { applyUserTypeChange } from '../../domain/change-user-type.ts'
import { checkOwnPortal } from '../../domain/portal-scope.ts'
import { resolveRole } from '../../domain/roles.ts'
import { loadUserTypes, pickUserType, type UserTypeInfo } from '../../domain/user-types.ts'
import { parseUsernames } from '../../http/bulk.ts'
import type { AppEnv } from '../../http/context.ts'
import { requireParam } from '../../http/params.ts'
import { respond } from '../../http/respond.ts'

export const updateUserLicenseTypePath = '/portals/:portalId/updateuserlicensetype'

/**
 * POST portals/self/updateUserLicenseType `users` (≤100), `userLicenseType`
 * → {results:[{username, status, error?}]}.
 * Extension: `role`, applied in the same transaction as each member's type
 * change, for a type the current role would not fit.
 */
export async function updateUserLicenseType(c: Context<AppEnv>) {
  const caller = await requireCaller(c)
  checkOwnPortal(c.req.param('portalId'), caller)
  const params = c.get('params')
  const usernames = parseUsernames(params)
  const typeParam = requireParam(params, 'userLicenseType')
  const roleParam = params.role?.trim() || undefined
  const db = c.get('db')
  const request = { db, actor: caller, operation: 'updateUserLicenseType', privilege: 'portal:admin:manageLicenses', lockOrg: true }
  // The privilege first: without it, the answer is 403 whatever else is wrong.
  await requireBulkPrivilege(request, usernames)
  // Unknown type or role: the whole call is a 400 before any member changes, recorded for each
  // member named (as updateUserRole records an unknown role against its member).
  const types = await loadUserTypes(db, caller.orgId)
  let type: UserTypeInfo
  let newRole: Awaited<ReturnType<typeof resolveRole>> | undefined
  try {
    type = pickUserType(types, typeParam)
    newRole = roleParam ? await resolveRole(db, caller.orgId, roleParam) : undefined
  } catch (error) {
    return refuseAll({ ...request, requested: { userLicenseTypeId: typeParam, ...(roleParam && { role: roleParam }) } }, usernames, error)
  }
  const results = await changeMembers(
    { ...request, requested: { userLicenseTypeId: type.id, ...(newRole && { role: newRole.role, roleId: newRole.roleId }) } },
    usernames,
    (tx, target, actor) => applyUserTypeChange(tx, actor, target, { type, types, newRole }),
  )
  return respond(c, { results })
}
