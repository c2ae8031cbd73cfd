import type { Context } from 'hono'
import { requireCaller } from '../../auth/caller.ts'
import { changeMembers } from '../../domain/bulk-change.ts'
import { applyDisable } from '../../domain/member-status.ts'
import { checkOwnPortal } from '../../domain/portal-scope.ts'
import { parseUsernames } from '../../http/bulk.ts'
import type { AppEnv } from '../../http/context.ts'
import { respond } from '../../http/respond.ts'

export const disableUsersPath = '/portals/:portalId/disableusers'

/** POST portals/self/disableUsers `users` (≤100) → {results:[{username, status, error?}]}. */
export async function disableUsers(c: Context<AppEnv>) {
  const caller = await requireCaller(c)
  checkOwnPortal(c.req.param('portalId'), caller)
  const results = await changeMembers(
    {
      db: c.get('db'),
      actor: caller,
      operation: 'disable',
      privilege: 'portal:admin:disableUsers',
      lockOrg: true,
      requested: { disabled: true },
    },
    parseUsernames(c.get('params')),
    (tx, target, actor) => applyDisable(tx, actor, target),
  )
  return respond(c, { results })
}
