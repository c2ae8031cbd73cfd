import type { Hono } from 'hono'
import { optionalCaller } from '../../auth/caller.ts'
import type { AppEnv } from '../../http/context.ts'
import { respond } from '../../http/respond.ts'
import { buildGroupSearch } from '../../search/group-search.ts'
import { pageKeys, parsePage } from '../../search/paging.ts'

interface GroupRow {
  id: string
  org_id: string
  title: string
  description: string
  access: string
  created: number
  modified: number
  owner: string
}

/** GET community/groups?q=owner:{u} — the group search, as the console needs it (portal-api.md §6). */
export function registerSearchGroups(api: Hono<AppEnv>) {
  api.on(['GET', 'POST'], '/community/groups', async (c) => {
    const caller = await optionalCaller(c)
    const params = c.get('params')
    const page = parsePage(params)
    const search = buildGroupSearch(caller, { q: params.q, sortField: params.sortField, sortOrder: params.sortOrder, ...page })
    const db = c.get('db')
    const [rows, [{ total }]] = await Promise.all([
      db.query<GroupRow>(search.sql, search.params),
      db.query<{ total: number }>(search.countSql, search.countParams),
    ])
    return respond(c, {
      query: params.q ?? '',
      ...pageKeys(total, page),
      results: rows.map((g) => ({
        id: g.id,
        title: g.title,
        owner: g.owner,
        orgId: g.org_id,
        description: g.description,
        snippet: null,
        tags: [],
        thumbnail: null,
        access: g.access,
        isInvitationOnly: false,
        isViewOnly: false,
        protected: false,
        sortField: 'title',
        sortOrder: 'asc',
        created: g.created,
        modified: g.modified,
      })),
    })
  })
}
