import type { Context } from 'hono'
import { requireCaller } from '../../auth/caller.ts'
import { changeMembers } from '../../domain/bulk-change.ts'
import { applyUserTypeChange } from '../../domain/change-user-type.ts'
import { checkOwnPortal } from '../../domain/portal-scope.ts'
import { resolveRole } from '../../domain/roles.ts'
import { loadUserTypes, pickUserType } from '../../domain/user-types.ts'
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
  // Unknown type or role: the whole call is a 400, before any member changes.
  const types = await loadUserTypes(db, caller.orgId)
  const type = pickUserType(types, typeParam)
  const newRole = roleParam ? await resolveRole(db, caller.orgId, roleParam) : undefined
  const results = await changeMembers(
    {
      db,
      actor: caller,
      operation: 'updateUserLicenseType',
      privilege: 'portal:admin:manageLicenses',
      lockOrg: true,
      requested: { userLicenseTypeId: type.id, ...(newRole && { role: newRole.role, roleId: newRole.roleId }) },
    },
    usernames,
    (tx, target, actor) => applyUserTypeChange(tx, actor, target, { type, types, newRole }),
  )
  return respond(c, { results })
}
