import type { Hono } from 'hono'
import { requireCaller } from '../../auth/caller.ts'
import type { AppEnv } from '../../http/context.ts'
import { parseBool } from '../../http/params.ts'
import { respond } from '../../http/respond.ts'
import { pageKeys, parsePage } from '../../search/paging.ts'
import { checkPortalId } from '../../search/portal-scope.ts'

interface RoleRow {
  id: string
  name: string
  description: string
  privileges: string[]
  created: number
  modified: number
}

/**
 * GET portals/self/roles: the organization's custom roles only, Viewer and
 * Data Editor included; the three default roles are not listed (portal-api.md §3).
 */
export function registerListRoles(api: Hono<AppEnv>) {
  api.on(['GET', 'POST'], '/portals/:portalId/roles', async (c) => {
    const caller = await requireCaller(c)
    checkPortalId(c, caller)
    const params = c.get('params')
    const page = parsePage(params)
    const db = c.get('db')
    const [rows, [{ total }]] = await Promise.all([
      db.query<RoleRow>(
        'select id, name, description, privileges, created, modified from roles where org_id = $1 order by lower(name), id limit $2 offset $3',
        [caller.orgId, page.num, page.start - 1],
      ),
      db.query<{ total: number }>('select count(*) as total from roles where org_id = $1', [caller.orgId]),
    ])
    const withPrivileges = parseBool(params.returnPrivileges)
    const roles = rows.map(({ privileges, ...role }) => (withPrivileges ? { ...role, privileges } : role))
    return respond(c, { ...pageKeys(total, page), roles })
  })
}
