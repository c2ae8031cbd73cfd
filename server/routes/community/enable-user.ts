import type { Context } from 'hono'
import { requireCaller } from '../../auth/caller.ts'
import { changeMember } from '../../domain/member-change.ts'
import { applyEnable } from '../../domain/member-status.ts'
import type { AppEnv } from '../../http/context.ts'
import { respond } from '../../http/respond.ts'

export const enableUserPath = '/community/users/:username/enable'

/** POST community/users/{u}/enable → {success, username}. */
export async function enableUser(c: Context<AppEnv>) {
  const caller = await requireCaller(c)
  const done = await changeMember(
    {
      db: c.get('db'),
      actor: caller,
      operation: 'enable',
      username: c.req.param('username') ?? '',
      privilege: 'portal:admin:disableUsers',
      requested: { disabled: false },
    },
    (tx, target, actor) => applyEnable(tx, actor, target),
  )
  return respond(c, { success: true, username: done })
}
