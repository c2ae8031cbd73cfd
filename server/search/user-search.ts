import { USER_COLUMNS } from '../db/users.ts'
import type { QueryNode } from './query-ast.ts'
import { parseQuery } from './query-parser.ts'
import { checkSearchWindow } from './paging.ts'
import { SqlParams } from './sql-params.ts'
import { type CompileOptions, compileUserQuery } from './user-query-compiler.ts'
import { USER_FIELD_NAMES } from './user-fields.ts'
import { filtersToQuery, type MemberListFilters } from './user-filters.ts'
import { userOrderBy } from './user-sort.ts'

/** Who is asking, which decides what they may search by and see. */
export type SearchAudience =
  | { kind: 'admin' } // holds portal:admin:viewUsers in this organization
  | { kind: 'member'; selfId: string } // a plain member: public fields, no private profiles but their own
  | { kind: 'anonymous' }

export interface UserSearchInput {
  q?: string
  /** ArcGIS's structured `filter`: the same language as q, ANDed with it. */
  filter?: string
  /** The plain list's filters (portals/self/users). */
  filters?: MemberListFilters
  sortField?: string
  sortOrder?: string
  /** 1-based; default 1. */
  start?: number
  /** Page size, 0–100; default 10. */
  num?: number
  /** Default: an administrator of the organization. */
  audience?: SearchAudience
  /** community/users: also other organizations' members whose profile is public. */
  community?: boolean
}

export interface UserSearch {
  /** The page of users rows (USER_COLUMNS). */
  sql: string
  params: unknown[]
  /** `select count(*) as total`: the exact number of hits. */
  countSql: string
  countParams: unknown[]
  start: number
  num: number
}

/**
 * The SQL of a member search: pure, so the route and the benchmark run the
 * same statement. Throws PortalError 400 (INVALID_QUERY, SEARCH_LIMIT,
 * INVALID_PARAMETER) or 403 for a field or sort the audience may not use.
 */
export function buildUserSearch(orgId: string, input: UserSearchInput): UserSearch {
  const page = { start: input.start ?? 1, num: input.num ?? 10 }
  checkSearchWindow(page)
  const audience = input.audience ?? { kind: 'admin' }
  const nodes = [
    input.q ? parseQuery(input.q, { fields: USER_FIELD_NAMES }) : null,
    input.filter ? parseQuery(input.filter, { fields: USER_FIELD_NAMES }) : null,
    input.filters ? filtersToQuery(input.filters) : null,
  ].filter((node): node is QueryNode => node !== null)

  const params = new SqlParams()
  const matches = (options: CompileOptions) => nodes.map((node) => compileUserQuery(node, params, options))
  let where: string
  if (audience.kind === 'anonymous') {
    where = all(["u.access = 'public'", ...matches({ publicOnly: 'deny' })])
  } else {
    const org = params.add(orgId)
    const own = [`u.org_id = ${org}`, ...matches(audience.kind === 'admin' ? {} : { publicOnly: 'deny' })]
    if (audience.kind === 'member') own.push(`(u.access <> 'private' or u.id = ${params.add(audience.selfId)})`)
    where = all(own)
    if (input.community) {
      const others = all([`u.org_id <> ${org}`, "u.access = 'public'", ...matches({ publicOnly: 'exclude' })])
      where = `((${where}) or (${others}))`
    }
  }
  const countParams = [...params.values]
  const orderBy = userOrderBy(input.sortField, input.sortOrder, params, audience.kind !== 'admin')
  const limit = params.add(page.num)
  const offset = params.add(page.start - 1)
  return {
    // The page is chosen on narrow rows (id and sort keys) and only its rows are
    // read whole: sorting thousands of full rows spills to disk in PGlite, and
    // deep pages can then be read from the sort index alone.
    sql: `select ${USER_COLUMNS} from users u where u.id in (
            select u.id from users u where ${where} order by ${orderBy} limit ${limit} offset ${offset}
          ) order by ${orderBy}`,
    params: params.values,
    countSql: `select count(*) as total from users u where ${where}`,
    countParams,
    ...page,
  }
}

const all = (conditions: string[]) => conditions.join(' and ')
