import type { Context } from 'hono'
import { requireCaller } from '../../auth/caller.ts'
import { applyRoleChange } from '../../domain/change-role.ts'
import { changeMember } from '../../domain/member-change.ts'
import { checkOwnPortal } from '../../domain/portal-scope.ts'
import { resolveRole } from '../../domain/roles.ts'
import type { AppEnv } from '../../http/context.ts'
import { requireParam } from '../../http/params.ts'
import { respond } from '../../http/respond.ts'

export const updateUserRolePath = '/portals/:portalId/updateuserrole'

/** POST portals/self/updateUserRole `user`, `role` → {success, username} (portal-api.md §6). */
export async function updateUserRole(c: Context<AppEnv>) {
  const caller = await requireCaller(c)
  checkOwnPortal(c.req.param('portalId'), caller)
  const params = c.get('params')
  const username = requireParam(params, 'user')
  const roleParam = requireParam(params, 'role')
  const done = await changeMember(
    {
      db: c.get('db'),
      actor: caller,
      operation: 'updateUserRole',
      username,
      privilege: 'portal:admin:changeUserRoles',
      lockOrg: 'whenTargetIsAdmin',
      requested: { role: roleParam },
    },
    async (tx, target, actor) => applyRoleChange(tx, actor, target, await resolveRole(tx, actor.orgId, roleParam)),
  )
  return respond(c, { success: true, username: done })
}
