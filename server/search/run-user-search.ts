import type { Caller } from '../auth/caller.ts'
import type { Queryable } from '../db/connection.ts'
import type { UserRow } from '../db/users.ts'
import { viewMember } from './member-view.ts'
import { MAX_PAGED_HITS, pageKeys } from './paging.ts'
import { buildUserSearch, type UserSearch, type UserSearchInput } from './user-search.ts'

/** Up to this many hits, a page is sorted from all of them rather than read along the sort index. */
export const SORT_ALL_HITS_MAX = 2_000
/** …and up to this many when the page lies in the second half of the hits (a walk would pass most of the organization). */
export const SORT_ALL_HITS_DEEP_MAX = 20_000

/**
 * Which statement reads the page, once the total is known. Reading along the
 * sort index stops after start + num hits but tests every row it passes: cheap
 * when hits are dense, ruinous when they are rare or bunched at the far end of
 * the order (q=smith sorted by username passed 5,700 rows for 25; a Greek
 * surname 18,700). Sorting every hit costs the hits themselves, found by the
 * trigram and word indexes: cheap when they are few.
 */
export function pickPageSql(search: UserSearch, total: number): { sql: string; params: unknown[] } {
  const hitsBeforePageEnd = search.start - 1 + search.num
  const sortAll = total <= SORT_ALL_HITS_MAX || (total <= SORT_ALL_HITS_DEEP_MAX && hitsBeforePageEnd > total / 2)
  return sortAll ? { sql: search.hitsSql, params: search.hitsParams } : { sql: search.sql, params: search.params }
}

/**
 * The statements of a member search: the exact total first (ArcGIS reports
 * it; with the word index a count costs one visit per hit), then the page
 * by whichever way suits that many hits, and no page at all past the end.
 */
export async function queryUserSearch(db: Queryable, search: UserSearch): Promise<{ rows: UserRow[]; total: number }> {
  const [{ total }] = await db.query<{ total: number | string }>(search.countSql, search.countParams)
  const hits = Number(total)
  if (search.num === 0 || search.start > hits) return { rows: [], total: hits }
  const page = pickPageSql(search, hits)
  return { rows: await db.query<UserRow>(page.sql, page.params), total: hits }
}

/** Runs a member search and shapes the answer's paging keys and members. */
export async function runUserSearch(db: Queryable, orgId: string, caller: Caller | undefined, input: UserSearchInput) {
  const search = buildUserSearch(orgId, input, { wordIndex: true })
  const { rows, total } = await queryUserSearch(db, search)
  return {
    ...pageKeys(total, search, MAX_PAGED_HITS),
    members: rows.map((row) => viewMember(row, caller)),
  }
}
