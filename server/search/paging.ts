import { badRequest } from '../http/errors.ts'
import { type Params, parseIntParam } from '../http/params.ts'

export const MAX_PAGE_SIZE = 100
/** Like ArcGIS, only the first 10,000 hits of a search can be paged. */
export const MAX_PAGED_HITS = 10_000

export interface Page {
  start: number
  num: number
}

/** `start` (1-based, default 1) and `num` (default 10, at most 100; 0 asks for the total only). */
export function parsePage(params: Params, defaultNum = 10): Page {
  return {
    start: parseIntParam('start', params.start, 1, 1, Number.MAX_SAFE_INTEGER),
    num: parseIntParam('num', params.num, defaultNum, 0, MAX_PAGE_SIZE),
  }
}

export function checkSearchWindow({ start, num }: Page): void {
  const last = start + Math.max(num, 1) - 1
  if (last > MAX_PAGED_HITS)
    throw badRequest(
      'SEARCH_LIMIT',
      `Only the first ${MAX_PAGED_HITS.toLocaleString('en')} results can be paged, and this page would end at result ${last.toLocaleString('en')} (start + num - 1). Narrow the search, or sort the other way to reach the last results.`,
    )
}

/**
 * The paging keys of every list answer; nextStart is -1 on the last page.
 * With a window `limit` (a search: only the first 10,000 hits can be paged),
 * nextStart is also -1 when the next page of the same size would not fit in
 * it, since checkSearchWindow refuses such a page: a client that follows
 * nextStart must never be handed a page the server answers with SEARCH_LIMIT.
 */
export function pageKeys(total: number, { start, num }: Page, limit = Number.MAX_SAFE_INTEGER) {
  const next = start + num
  const more = num > 0 && next <= total && next + num - 1 <= limit
  return { total, start, num, nextStart: more ? next : -1 }
}
