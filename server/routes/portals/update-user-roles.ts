import type { Context } from 'hono'
import { requireCaller } from '../../auth/caller.ts'
import { changeMembers } from '../../domain/bulk-change.ts'
import { applyRoleChange } from '../../domain/change-role.ts'
import { checkOwnPortal } from '../../domain/portal-scope.ts'
import { resolveRole } from '../../domain/roles.ts'
import { loadUserTypes } from '../../domain/user-types.ts'
import { parseUsernames } from '../../http/bulk.ts'
import type { AppEnv } from '../../http/context.ts'
import { requireParam } from '../../http/params.ts'
import { respond } from '../../http/respond.ts'

export const updateUserRolesPath = '/portals/:portalId/updateuserroles'

/**
 * Extension (ArcGIS changes one member's role per call, updateUserRole):
 * POST portals/self/updateUserRoles `users` (≤100), `role`
 * → {results:[{username, status, error?}]}, as the other bulk calls answer.
 * Each member is changed as updateUserRole changes one — same rules, own
 * transaction, own audit record, own outcome — but the caller, the role and
 * the user types are looked up once per call instead of once per member.
 * The console uses it when the portal has it and falls back to updateUserRole.
 */
export async function updateUserRoles(c: Context<AppEnv>) {
  const caller = await requireCaller(c)
  checkOwnPortal(c.req.param('portalId'), caller)
  const params = c.get('params')
  const usernames = parseUsernames(params)
  const roleParam = requireParam(params, 'role')
  const db = c.get('db')
  // An unknown role: the whole call is a 400, before any member changes (as updateUserLicenseType).
  const newRole = await resolveRole(db, caller.orgId, roleParam)
  const types = await loadUserTypes(db, caller.orgId)
  const results = await changeMembers(
    {
      db,
      actor: caller,
      operation: 'updateUserRole',
      privilege: 'portal:admin:changeUserRoles',
      lockOrg: 'whenTargetIsAdmin',
      requested: { role: roleParam },
    },
    usernames,
    (tx, target, actor) => applyRoleChange(tx, actor, target, newRole, { types }),
  )
  return respond(c, { results })
}
