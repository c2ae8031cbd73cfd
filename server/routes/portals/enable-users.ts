import type { Context } from 'hono'
import { requireCaller } from '../../auth/caller.ts'
import { changeMembers } from '../../domain/bulk-change.ts'
import { applyEnable } from '../../domain/member-status.ts'
import { checkOwnPortal } from '../../domain/portal-scope.ts'
import { parseUsernames } from '../../http/bulk.ts'
import type { AppEnv } from '../../http/context.ts'
import { respond } from '../../http/respond.ts'

export const enableUsersPath = '/portals/:portalId/enableusers'

/** POST portals/self/enableUsers `users` (≤100) → {results:[{username, status, error?}]}. */
export async function enableUsers(c: Context<AppEnv>) {
  const caller = await requireCaller(c)
  checkOwnPortal(c.req.param('portalId'), caller)
  const results = await changeMembers(
    {
      db: c.get('db'),
      actor: caller,
      operation: 'enable',
      privilege: 'portal:admin:disableUsers',
      requested: { disabled: false },
    },
    parseUsernames(c.get('params')),
    (tx, target, actor) => applyEnable(tx, actor, target),
  )
  return respond(c, { results })
}
