import type { Hono } from 'hono'
import { requireCaller } from '../../auth/caller.ts'
import type { AppEnv } from '../../http/context.ts'
import { parseBool, parseList } from '../../http/params.ts'
import { respond } from '../../http/respond.ts'
import { audienceOf } from '../../search/member-view.ts'
import { parsePage } from '../../search/paging.ts'
import { checkPortalId } from '../../search/portal-scope.ts'
import { runUserSearch } from '../../search/run-user-search.ts'

/**
 * GET portals/self/users — the plain org list with its filters (role,
 * userLicenseType, provider: one value or a list; fullname, username,
 * firstname, lastname: words, wildcards allowed), ANDed when
 * applyFiltersIntersection (or applyFilterIntersection) is true, else ORed.
 */
export function registerListOrgUsers(api: Hono<AppEnv>) {
  api.on(['GET', 'POST'], '/portals/:portalId/users', async (c) => {
    const caller = await requireCaller(c)
    checkPortalId(c, caller)
    const params = c.get('params')
    const { members, ...page } = await runUserSearch(c.get('db'), caller.orgId, caller, {
      filters: {
        role: parseList(params.role),
        userLicenseType: parseList(params.userLicenseType),
        provider: parseList(params.provider),
        fullname: params.fullname,
        username: params.username,
        firstname: params.firstname,
        lastname: params.lastname,
        intersect: parseBool(params.applyFiltersIntersection ?? params.applyFilterIntersection),
      },
      sortField: params.sortField,
      sortOrder: params.sortOrder,
      ...parsePage(params),
      audience: audienceOf(caller),
    })
    return respond(c, { ...page, users: members })
  })
}
