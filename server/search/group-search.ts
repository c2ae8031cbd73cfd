import type { Caller } from '../auth/caller.ts'
import { badRequest } from '../http/errors.ts'
import { hasWildcard, type QueryNode, type TermNode, termText } from './query-ast.ts'
import { invalidQuery } from './query-errors.ts'
import { parseQuery } from './query-parser.ts'
import { SqlParams } from './sql-params.ts'
import { escapeLike, rawPattern } from './term-pattern.ts'

export const VIEW_GROUPS = 'portal:admin:viewGroups'
const GROUP_FIELDS = ['owner', 'title', 'id', 'orgid', 'access', 'created', 'modified']
const SORTS: Record<string, string> = { title: 'lower(g.title)', owner: 'lower(o.username)', created: 'g.created', modified: 'g.modified' }

export interface GroupSearchInput {
  q?: string
  sortField?: string
  sortOrder?: string
  start: number
  num: number
}

/**
 * The SQL of a group search (`community/groups`), as far as the console needs
 * it: owner:, title:, id:, orgid:, access:, created/modified ranges, and bare
 * terms matching the title. Visibility as ArcGIS: public groups for anyone;
 * the organization's org-wide groups and one's own groups for a member; every
 * group of the organization for a caller holding portal:admin:viewGroups.
 */
export function buildGroupSearch(caller: Caller | undefined, input: GroupSearchInput) {
  const params = new SqlParams()
  const conditions = [visibleGroups(caller, params)]
  const node = input.q ? parseQuery(input.q, { fields: GROUP_FIELDS }) : null
  if (node) conditions.push(compileGroupQuery(node, params))
  const where = conditions.join(' and ')
  const countParams = [...params.values]
  const field = (input.sortField || 'title').toLowerCase()
  const order = (input.sortOrder || 'asc').toLowerCase()
  if (!Object.hasOwn(SORTS, field)) throw badRequest('INVALID_PARAMETER', `'sortField' must be one of ${Object.keys(SORTS).join(', ')}; '${input.sortField}' is not.`)
  if (order !== 'asc' && order !== 'desc') throw badRequest('INVALID_PARAMETER', `'sortOrder' must be asc or desc; '${input.sortOrder}' is not.`)
  const from = 'from groups g join users o on o.id = g.owner_id'
  return {
    sql: `select g.id, g.org_id, g.title, g.description, g.access, g.created, g.modified, o.username as owner ${from}
           where ${where} order by ${SORTS[field]} ${order}, g.id ${order} limit ${params.add(input.num)} offset ${params.add(input.start - 1)}`,
    params: params.values,
    countSql: `select count(*) as total ${from} where ${where}`,
    countParams,
  }
}

function visibleGroups(caller: Caller | undefined, params: SqlParams): string {
  if (!caller) return "g.access = 'public'"
  const org = params.add(caller.orgId)
  if (caller.privileges.has(VIEW_GROUPS)) return `(g.org_id = ${org} or g.access = 'public')`
  const self = params.add(caller.userId)
  return `(g.access = 'public' or (g.org_id = ${org} and g.access = 'org')
           or exists (select 1 from group_members m where m.group_id = g.id and m.user_id = ${self}))`
}

function compileGroupQuery(node: QueryNode, params: SqlParams): string {
  switch (node.kind) {
    case 'and':
    case 'or':
      return `(${node.children.map((child) => compileGroupQuery(child, params)).join(` ${node.kind} `)})`
    case 'not':
      return `not (${compileGroupQuery(node.child, params)})`
    case 'range': {
      if (node.field !== 'created' && node.field !== 'modified')
        throw invalidQuery(`ranges work on created and modified only, not on ${node.field}`, node.position)
      const bounds: string[] = []
      if (node.lower !== null) bounds.push(`g.${node.field} ${node.includeLower ? '>=' : '>'} ${params.add(millis(node.lower, node.position))}`)
      if (node.upper !== null) bounds.push(`g.${node.field} ${node.includeUpper ? '<=' : '<'} ${params.add(millis(node.upper, node.position))}`)
      return bounds.length ? `(${bounds.join(' and ')})` : 'true'
    }
    case 'term':
      return compileGroupTerm(node, params)
  }
}

function compileGroupTerm(node: TermNode, params: SqlParams): string {
  const value = termText(node.parts)
  const exact = (column: string) =>
    hasWildcard(node.parts) ? `lower(${column}) like lower(${params.add(rawPattern(node.parts))})` : `lower(${column}) = lower(${params.add(value)})`
  switch (node.field) {
    case null:
    case 'title':
      if (!value.replace(/[*?]/g, '')) return 'true'
      return `g.title ilike ${params.add(`%${hasWildcard(node.parts) ? rawPattern(node.parts) : escapeLike(value)}%`)}`
    case 'owner':
      return exact('o.username')
    case 'id':
      return exact('g.id')
    case 'orgid':
      return exact('g.org_id')
    case 'access':
      return exact('g.access')
    default:
      return `g.${node.field} = ${params.add(millis(value, node.position))}`
  }
}

function millis(value: string, position: number): number {
  if (!/^-?\d{1,16}$/.test(value)) throw invalidQuery(`dates are epoch milliseconds, not '${value}'`, position)
  return Number(value)
}
