import type { Hono } from 'hono'
import { requireCaller } from '../../auth/caller.ts'
import { findUser } from '../../db/users.ts'
import { invalidToken } from '../../http/errors.ts'
import type { AppEnv } from '../../http/context.ts'
import { respond } from '../../http/respond.ts'
import { fullMember } from '../../search/member-view.ts'

/** GET community/self: the caller with privileges, role, roleId, userLicenseTypeId and groups (portal-api.md §3). */
export function registerGetCommunitySelf(api: Hono<AppEnv>) {
  api.on(['GET', 'POST'], '/community/self', async (c) => {
    const caller = await requireCaller(c)
    const db = c.get('db')
    const row = await findUser(db, caller.orgId, caller.username)
    if (!row) throw invalidToken()
    return respond(c, await fullMember(db, row))
  })
}
