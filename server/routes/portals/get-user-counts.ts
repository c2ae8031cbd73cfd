import type { Hono } from 'hono'
import { requireCaller, requirePrivilege } from '../../auth/caller.ts'
import { badRequest } from '../../http/errors.ts'
import type { AppEnv } from '../../http/context.ts'
import { requireParam } from '../../http/params.ts'
import { respond } from '../../http/respond.ts'
import { VIEW_USERS } from '../../search/member-view.ts'
import { checkPortalId } from '../../search/portal-scope.ts'

/** The key each member is counted under, per `type`. A custom role counts under its id, as the role filter takes it. */
const KEYS: Record<string, string> = {
  role: 'coalesce(u.role_id, u.role)',
  userlicensetype: 'u.user_type_id',
  provider: 'u.provider',
  // Extension: status (enabled | disabled), for the console's status filter.
  status: "case when u.disabled then 'disabled' else 'enabled' end",
}

/** GET portals/self/users/counts?type=role|userLicenseType|provider|status → {results:[{key,count}]} (portal-api.md §3). */
export function registerGetUserCounts(api: Hono<AppEnv>) {
  api.on(['GET', 'POST'], '/portals/:portalId/users/counts', async (c) => {
    const caller = await requireCaller(c)
    checkPortalId(c, caller)
    requirePrivilege(caller, VIEW_USERS)
    const type = requireParam(c.get('params'), 'type')
    const key = Object.hasOwn(KEYS, type.toLowerCase()) ? KEYS[type.toLowerCase()] : undefined
    if (!key) throw badRequest('INVALID_PARAMETER', `'type' must be one of role, userLicenseType, provider, status; '${type}' is not.`)
    const rows = await c
      .get('db')
      .query<{ key: string; count: number }>(
        `select ${key} as key, count(*) as count from users u where u.org_id = $1 group by 1 order by 1`,
        [caller.orgId],
      )
    if (type.toLowerCase() === 'status')
      for (const status of ['disabled', 'enabled']) if (!rows.some((r) => r.key === status)) rows.push({ key: status, count: 0 })
    return respond(c, { results: rows.sort((a, b) => (a.key < b.key ? -1 : 1)) })
  })
}
