import type { Hono } from 'hono'
import { optionalCaller } from '../../auth/caller.ts'
import type { AppEnv } from '../../http/context.ts'
import { respond } from '../../http/respond.ts'
import { audienceOf } from '../../search/member-view.ts'
import { parsePage } from '../../search/paging.ts'
import { runUserSearch } from '../../search/run-user-search.ts'

/**
 * GET community/users — the portal-wide search (portal-api.md §4): the
 * caller's organization as its members see it, plus other organizations'
 * members whose profile is public. Anonymous callers see public profiles only.
 */
export function registerSearchCommunityUsers(api: Hono<AppEnv>) {
  api.on(['GET', 'POST'], '/community/users', async (c) => {
    const caller = await optionalCaller(c)
    const params = c.get('params')
    const { members, ...page } = await runUserSearch(c.get('db'), caller?.orgId ?? '', caller, {
      q: params.q,
      filter: params.filter,
      sortField: params.sortField,
      sortOrder: params.sortOrder,
      ...parsePage(params),
      audience: audienceOf(caller),
      community: true,
    })
    return respond(c, { query: params.q ?? '', ...page, results: members })
  })
}
