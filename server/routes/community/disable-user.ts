import type { Context } from 'hono'
import { requireCaller } from '../../auth/caller.ts'
import { changeMember } from '../../domain/member-change.ts'
import { applyDisable } from '../../domain/member-status.ts'
import type { AppEnv } from '../../http/context.ts'
import { respond } from '../../http/respond.ts'

export const disableUserPath = '/community/users/:username/disable'

/** POST community/users/{u}/disable → {success, username}. */
export async function disableUser(c: Context<AppEnv>) {
  const caller = await requireCaller(c)
  const done = await changeMember(
    {
      db: c.get('db'),
      actor: caller,
      operation: 'disable',
      username: c.req.param('username') ?? '',
      privilege: 'portal:admin:disableUsers',
      lockOrg: true,
      requested: { disabled: true },
    },
    (tx, target, actor) => applyDisable(tx, actor, target),
  )
  return respond(c, { success: true, username: done })
}
