import { USER_TYPES } from '../domain/privileges.ts'
import { badRequest, notPermitted } from '../http/errors.ts'
import type { SqlParams } from './sql-params.ts'

const TIEBREAK = ['u.username_key', 'u.id']

/**
 * Sort fields of the org search and the plain org list (portal-api.md §4),
 * each tied by username key then id so pages never overlap or skip. Every
 * order has an index in 002_search_indexes.sql (except level, which nobody
 * sorts 100,000 members by).
 */
const SORTS: Record<string, (params: SqlParams) => string[]> = {
  username: () => TIEBREAK,
  fullname: () => ['u.full_name_key', ...TIEBREAK],
  created: () => ['u.created', ...TIEBREAK],
  modified: () => ['u.modified', ...TIEBREAK],
  lastlogin: () => ['u.last_login', ...TIEBREAK],
  role: () => ['u.role', 'u.role_id', ...TIEBREAK],
  userlicensetype: () => ['u.user_type_id', ...TIEBREAK],
  mfaenabled: () => ['u.mfa_enabled', ...TIEBREAK],
  level: (params) => {
    const byLevel = [...USER_TYPES].sort((a, b) => a.level - b.level).map((t) => t.id)
    return [`array_position(${params.add(byLevel)}::text[], u.user_type_id)`, 'u.user_type_id', ...TIEBREAK]
  },
}

export const USER_SORT_FIELDS = Object.keys(SORTS)
/** What a plain member may sort by: fields they can see. */
export const PUBLIC_SORT_FIELDS = ['username', 'fullname', 'created', 'modified']

export function userOrderBy(sortField: string | undefined, sortOrder: string | undefined, params: SqlParams, publicOnly: boolean): string {
  const field = (sortField || 'username').toLowerCase()
  const order = (sortOrder || 'asc').toLowerCase()
  if (!Object.hasOwn(SORTS, field))
    throw badRequest('INVALID_PARAMETER', `'sortField' must be one of ${USER_SORT_FIELDS.join(', ')}; '${sortField}' is not.`)
  if (order !== 'asc' && order !== 'desc') throw badRequest('INVALID_PARAMETER', `'sortOrder' must be asc or desc; '${sortOrder}' is not.`)
  if (publicOnly && !PUBLIC_SORT_FIELDS.includes(field))
    throw notPermitted(`Sorting members by '${field}' needs the portal:admin:viewUsers privilege.`)
  // One direction for every key, so an index can be read forwards or backwards.
  return SORTS[field](params)
    .map((expression) => `${expression} ${order}`)
    .join(', ')
}
