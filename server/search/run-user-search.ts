import type { Caller } from '../auth/caller.ts'
import type { Queryable } from '../db/connection.ts'
import type { UserRow } from '../db/users.ts'
import { viewMember } from './member-view.ts'
import { MAX_PAGED_HITS, pageKeys } from './paging.ts'
import { buildUserSearch, type UserSearchInput } from './user-search.ts'

/**
 * Runs a member search: the page, then the exact total. When the page is the
 * first and comes back short, it already holds every hit and the count is
 * skipped (selective queries are the common case while someone types).
 */
export async function runUserSearch(db: Queryable, orgId: string, caller: Caller | undefined, input: UserSearchInput) {
  const search = buildUserSearch(orgId, input)
  const rows = await db.query<UserRow>(search.sql, search.params)
  const complete = search.num > 0 && rows.length < search.num && (rows.length > 0 || search.start === 1)
  const total = complete
    ? search.start - 1 + rows.length
    : Number((await db.query<{ total: number }>(search.countSql, search.countParams))[0].total)
  return {
    ...pageKeys(total, search, MAX_PAGED_HITS),
    members: rows.map((row) => viewMember(row, caller)),
  }
}
