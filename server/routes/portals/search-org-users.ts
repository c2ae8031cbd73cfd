import type { Hono } from 'hono'
import { requireCaller } from '../../auth/caller.ts'
import type { AppEnv } from '../../http/context.ts'
import { respond } from '../../http/respond.ts'
import { audienceOf } from '../../search/member-view.ts'
import { parsePage } from '../../search/paging.ts'
import { checkPortalId } from '../../search/portal-scope.ts'
import { runUserSearch } from '../../search/run-user-search.ts'

/**
 * GET portals/self/users/search — the org member search REST JS searchUsers
 * calls: q, filter, start, num ≤ 100, sortField, sortOrder (portal-api.md §4).
 * Callers without portal:admin:viewUsers get what a plain member may see.
 */
export function registerSearchOrgUsers(api: Hono<AppEnv>) {
  api.on(['GET', 'POST'], '/portals/:portalId/users/search', async (c) => {
    const caller = await requireCaller(c)
    checkPortalId(c, caller)
    const params = c.get('params')
    const { members, ...page } = await runUserSearch(c.get('db'), caller.orgId, caller, {
      q: params.q,
      filter: params.filter,
      sortField: params.sortField,
      sortOrder: params.sortOrder,
      ...parsePage(params),
      audience: audienceOf(caller),
    })
    return respond(c, { query: params.q ?? '', ...page, results: members })
  })
}
