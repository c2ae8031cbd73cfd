import { partsOf, type QueryNode, type TermNode } from './query-ast.ts'

/** The filters of the plain org list, `GET portals/self/users` (portal-api.md §4). */
export interface MemberListFilters {
  role?: string[]
  userLicenseType?: string[]
  provider?: string[]
  fullname?: string
  username?: string
  firstname?: string
  lastname?: string
  /** applyFiltersIntersection: every filter must hold (AND); otherwise any one (OR). */
  intersect?: boolean
}

const term = (field: string, value: string): TermNode => ({ kind: 'term', field, parts: partsOf(value), phrase: true, position: 0 })

const anyOf = (field: string, values: string[] = []): QueryNode | undefined => {
  const terms = values.filter(Boolean).map((value) => term(field, value))
  if (terms.length === 0) return undefined
  return terms.length === 1 ? terms[0] : { kind: 'or', children: terms }
}

/** The filters as one query node (null: no filter), compiled like `q`. */
export function filtersToQuery(filters: MemberListFilters): QueryNode | null {
  const text = (field: string, value: string | undefined) => (value?.trim() ? term(field, value.trim()) : undefined)
  const nodes = [
    anyOf('role', filters.role),
    anyOf('userlicensetype', filters.userLicenseType),
    anyOf('provider', filters.provider),
    text('fullname', filters.fullname),
    text('username', filters.username),
    text('firstname', filters.firstname),
    text('lastname', filters.lastname),
  ].filter((node): node is QueryNode => node !== undefined)
  if (nodes.length === 0) return null
  if (nodes.length === 1) return nodes[0]
  return { kind: filters.intersect ? 'and' : 'or', children: nodes }
}
