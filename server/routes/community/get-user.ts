import type { Hono } from 'hono'
import { optionalCaller } from '../../auth/caller.ts'
import { USER_COLUMNS, type UserRow, toPublicUser } from '../../db/users.ts'
import { userNotFound } from '../../http/errors.ts'
import type { AppEnv } from '../../http/context.ts'
import { respond } from '../../http/respond.ts'
import { canSeeMember, fullMember, seesFullRecord } from '../../search/member-view.ts'

/**
 * GET community/users/{username} (portal-api.md §5). Usernames are unique
 * across the portal and compared case-insensitively. A member one may not see
 * is reported exactly like one that does not exist.
 */
export function registerGetUser(api: Hono<AppEnv>) {
  api.on(['GET', 'POST'], '/community/users/:username', async (c) => {
    const caller = await optionalCaller(c)
    const username = c.req.param('username')
    const db = c.get('db')
    const [row] = await db.query<UserRow>(`select ${USER_COLUMNS} from users u where lower(u.username) = lower($1)`, [username])
    if (!row || !canSeeMember(row, caller)) throw userNotFound(username)
    return respond(c, seesFullRecord(row, caller) ? await fullMember(db, row) : toPublicUser(row))
  })
}
