import type { Context } from 'hono'
import { requireCaller } from '../../auth/caller.ts'
import { changeMembers } from '../../domain/bulk-change.ts'
import { applyDelete, deleteRequest } from '../../domain/delete-member.ts'
import { checkOwnPortal } from '../../domain/portal-scope.ts'
import { parseUsernames } from '../../http/bulk.ts'
import type { AppEnv } from '../../http/context.ts'
import { respond } from '../../http/respond.ts'

export const removeUsersPath = '/portals/:portalId/removeusers'

/**
 * POST portals/self/removeUsers `users` (≤100) → {notRemoved, results} (portal-api.md §6).
 * Each member is deleted in their own transaction, so one refusal (owns
 * content, last administrator…) never blocks or undoes the others.
 */
export async function removeUsers(c: Context<AppEnv>) {
  const caller = await requireCaller(c)
  checkOwnPortal(c.req.param('portalId'), caller)
  const results = await changeMembers(
    { ...deleteRequest, db: c.get('db'), actor: caller },
    parseUsernames(c.get('params')),
    (tx, member, actor) => applyDelete(tx, actor, member),
  )
  const notRemoved = results.filter((r) => r.status === 'failure').map((r) => r.username)
  return respond(c, { notRemoved, results })
}
