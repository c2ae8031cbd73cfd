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
  /** The page of users rows (USER_COLUMNS), read along the sort order's index: for searches with many hits. */
  sql: string
  params: unknown[]
  /** The same page, taken from every hit sorted: for searches with few hits (pickPageSql). */
  hitsSql: string
  hitsParams: unknown[]
  /** `select … as total`: the exact number of hits. */
  countSql: string
  countParams: unknown[]
  start: number
  num: number
}

export interface BuildOptions {
  /** Count and sort hits through the word index (CompileOptions.wordIndex); what runUserSearch does. */
  wordIndex?: boolean
}

/** The columns an ORDER BY reads (every sort ends with u.id): the narrow rows hits are sorted on. */
const sortColumns = (orderBy: string) => [...new Set(orderBy.match(/\bu\.\w+/g))].join(', ')

/**
 * The SQL of a member search: pure, so the route and the benchmark run the
 * same statements. Throws PortalError 400 (INVALID_QUERY, SEARCH_LIMIT,
 * INVALID_PARAMETER) or 403 for a field or sort the audience may not use.
 */
export function buildUserSearch(orgId: string, input: UserSearchInput, options: BuildOptions = {}): UserSearch {
  const page = { start: input.start ?? 1, num: input.num ?? 10 }
  checkSearchWindow(page)
  const audience = input.audience ?? { kind: 'admin' }
  const nodes = [
    input.q ? parseQuery(input.q, { fields: USER_FIELD_NAMES }) : null,
    input.filter ? parseQuery(input.filter, { fields: USER_FIELD_NAMES }) : null,
    input.filters ? filtersToQuery(input.filters) : null,
  ].filter((node): node is QueryNode => node !== null)

  // The WHERE of the search, with its values first in params.
  const whereOf = (params: SqlParams, wordIndex: boolean) => {
    const matches = (compile: CompileOptions) => nodes.map((node) => compileUserQuery(node, params, { ...compile, wordIndex }))
    if (audience.kind === 'anonymous') return all(["u.access = 'public'", ...matches({ publicOnly: 'deny' })])
    const org = params.add(orgId)
    const own = [`u.org_id = ${org}`, ...matches(audience.kind === 'admin' ? {} : { publicOnly: 'deny' })]
    if (audience.kind === 'member') own.push(`(u.access <> 'private' or u.id = ${params.add(audience.selfId)})`)
    if (!input.community) return all(own)
    const others = all([`u.org_id <> ${org}`, "u.access = 'public'", ...matches({ publicOnly: 'exclude' })])
    return `((${all(own)}) or (${others}))`
  }
  // The WHERE, its ORDER BY and paging, in one parameter list.
  const statement = (wordIndex: boolean) => {
    const params = new SqlParams()
    const where = whereOf(params, wordIndex)
    const countParams = [...params.values]
    const orderBy = userOrderBy(input.sortField, input.sortOrder, params, audience.kind !== 'admin')
    const paging = `limit ${params.add(page.num)} offset ${params.add(page.start - 1)}`
    return { where, countParams, orderBy, paging, params: params.values }
  }
  const wholeOrganization = audience.kind === 'admin' && nodes.length === 0 && !input.community
  const walk = statement(false)
  const indexed = options.wordIndex ? statement(true) : walk
  return {
    // The page is chosen on narrow rows (id and sort keys) and only its rows are
    // read whole: sorting thousands of full rows spills to disk in PGlite, and
    // deep pages can then be read from the sort index alone. A row-by-row test
    // along the index: the LIKE form (see CompileOptions.wordIndex).
    sql: `select ${USER_COLUMNS} from users u where u.id in (
            select u.id from users u where ${walk.where} order by ${walk.orderBy} ${walk.paging}
          ) order by ${walk.orderBy}`,
    params: walk.params,
    // Every hit found through the indexes (materialized, so the planner cannot
    // turn it back into a walk along the sort index), sorted on its sort keys
    // alone (for a filter, often read from the filter's index without the table).
    hitsSql: `with hits as materialized (select ${sortColumns(indexed.orderBy)} from users u where ${indexed.where})
          select ${USER_COLUMNS} from users u where u.id in (
            select u.id from hits u order by ${indexed.orderBy} ${indexed.paging}
          ) order by ${indexed.orderBy}`,
    hitsParams: indexed.params,
    // The whole organization (an administrator's search without terms or filters): the sum of the
    // seats its user types have taken, which the database keeps (migrations/007_assigned_seats.sql).
    ...(wholeOrganization
      ? { countSql: 'select coalesce(sum(assigned_users), 0)::int as total from user_types where org_id = $1', countParams: [orgId] }
      : { countSql: `select count(*) as total from users u where ${indexed.where}`, countParams: indexed.countParams }),
    ...page,
  }
}

const all = (conditions: string[]) => conditions.join(' and ')
