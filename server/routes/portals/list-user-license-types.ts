import type { Hono } from 'hono'
import { requireCaller } from '../../auth/caller.ts'
import type { AppEnv } from '../../http/context.ts'
import { respond } from '../../http/respond.ts'
import { pageKeys, parsePage } from '../../search/paging.ts'
import { checkPortalId } from '../../search/portal-scope.ts'

interface UserTypeRow {
  id: string
  name: string
  description: string
  privileges: string[]
  can_own_content: boolean
  level: number
  max_users: number
  assigned_users: number
}

/**
 * GET portals/self/userLicenseTypes (portal-api.md §3). assignedUsers counts
 * every member of the type, disabled ones too: they keep their license (kept
 * by the database: migrations/007_assigned_seats.sql).
 */
export function registerListUserLicenseTypes(api: Hono<AppEnv>) {
  api.on(['GET', 'POST'], '/portals/:portalId/userlicensetypes', async (c) => {
    const caller = await requireCaller(c)
    checkPortalId(c, caller)
    const page = parsePage(c.get('params'))
    const db = c.get('db')
    const [rows, [{ total }]] = await Promise.all([
      db.query<UserTypeRow>(
        `select t.id, t.name, t.description, t.privileges, t.can_own_content, t.level, t.max_users, t.assigned_users
           from user_types t where t.org_id = $1 order by t.level, t.id limit $2 offset $3`,
        [caller.orgId, page.num, page.start - 1],
      ),
      db.query<{ total: number }>('select count(*) as total from user_types where org_id = $1', [caller.orgId]),
    ])
    const userLicenseTypes = rows.map((t) => ({
      id: t.id,
      name: t.name,
      description: t.description,
      // Extension: the ceiling, the seats bought and the seats taken (portal-api.md §3).
      privileges: t.privileges,
      maxUsers: t.max_users,
      assignedUsers: t.assigned_users,
      canOwnContent: t.can_own_content,
      level: t.level,
    }))
    return respond(c, { ...pageKeys(total, page), userLicenseTypes })
  })
}
