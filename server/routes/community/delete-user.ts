import type { Context } from 'hono'
import { requireCaller } from '../../auth/caller.ts'
import { applyDelete, deleteRequest } from '../../domain/delete-member.ts'
import { changeMember } from '../../domain/member-change.ts'
import type { AppEnv } from '../../http/context.ts'
import { respond } from '../../http/respond.ts'

export const deleteUserPath = '/community/users/:username/delete'

/** POST community/users/{username}/delete → {success:true, username} (portal-api.md §6). */
export async function deleteUser(c: Context<AppEnv>) {
  const caller = await requireCaller(c)
  const username = await changeMember(
    { ...deleteRequest, db: c.get('db'), actor: caller, username: c.req.param('username') ?? '' },
    (tx, member, actor) => applyDelete(tx, actor, member),
  )
  return respond(c, { success: true, username })
}
