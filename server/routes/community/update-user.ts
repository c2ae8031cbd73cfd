import type { Context } from 'hono'
import { requireCaller } from '../../auth/caller.ts'
import { changeMember } from '../../domain/member-change.ts'
import { parseProfileEdits } from '../../domain/profile-rules.ts'
import { applyProfileUpdate } from '../../domain/update-profile.ts'
import type { AppEnv } from '../../http/context.ts'
import { respond } from '../../http/respond.ts'

export const updateUserPath = '/community/users/:username/update'

/**
 * POST community/users/{u}/update: profile fields (fullName, firstName,
 * lastName, email, description, culture, region, units, tags) → {success, username}.
 * By the member themself, or an administrator with portal:admin:updateUsers.
 */
export async function updateUser(c: Context<AppEnv>) {
  const caller = await requireCaller(c)
  const username = c.req.param('username') ?? ''
  const params = c.get('params')
  const self = username.toLowerCase() === caller.username.toLowerCase()
  const done = await changeMember(
    {
      db: c.get('db'),
      actor: caller,
      operation: 'updateProfile',
      username,
      privilege: self ? undefined : 'portal:admin:updateUsers',
    },
    // Validation runs inside, so a refused edit is audited like any refusal.
    (tx, target, actor) => applyProfileUpdate(tx, actor, target, parseProfileEdits(params)),
  )
  return respond(c, { success: true, username: done })
}
