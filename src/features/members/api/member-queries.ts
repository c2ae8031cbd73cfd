import { queryOptions } from '@tanstack/react-query'
import { createRequestSlots } from '../../../lib/request-slots.ts'
import type { CountType } from '../types.ts'
import { getAuditLog } from './get-audit-log.ts'
import { getMemberCounts } from './get-counts.ts'
import { getMember } from './get-member.ts'
import { getMemberContent } from './get-member-content.ts'
import { getMemberGroups } from './get-member-groups.ts'
import { getRoles } from './get-roles.ts'
import { getUserTypes } from './get-user-types.ts'
import type { MemberSearchParams } from './search-query.ts'
import { searchMembers } from './search-members.ts'

/**
 * What members own (content and groups): a bulk dialog asks this for up to
 * 100 members and their folders at once. Five at a time, so one of the
 * browser's six connections to the portal stays free for the dialog's own
 * requests (the search for who receives a deleted member's content).
 */
const ownershipLookups = createRequestSlots(5)

/**
 * Every query key of the Members feature comes from here. All start with
 * ['members'], so a mutation invalidating `memberQueries.all()` refreshes the
 * list, details, counts, and licenses left at once.
 */
export const memberQueries = {
  all: () => ['members'] as const,

  lists: () => [...memberQueries.all(), 'list'] as const,
  /** Keyed by what is sent, so two views that send the same request share one entry. */
  list: (params: MemberSearchParams) =>
    queryOptions({
      queryKey: [...memberQueries.lists(), normalizeSearchParams(params)] as const,
      queryFn: ({ signal }) => searchMembers(params, signal),
    }),

  detail: (username: string) =>
    queryOptions({
      queryKey: [...memberQueries.all(), 'detail', username.toLowerCase()] as const,
      queryFn: ({ signal }) => getMember(username, signal),
    }),

  content: (username: string, folderId?: string) =>
    queryOptions({
      queryKey: [...memberQueries.all(), 'content', username.toLowerCase(), folderId ?? 'root'] as const,
      queryFn: ({ signal }) => ownershipLookups(() => getMemberContent(username, folderId, signal), signal),
    }),

  groups: (username: string) =>
    queryOptions({
      queryKey: [...memberQueries.all(), 'groups', username.toLowerCase()] as const,
      queryFn: ({ signal }) => ownershipLookups(() => getMemberGroups(username, signal), signal),
    }),

  /** Who may receive deleted members' content: `q` already limits it to enabled members able to own content. */
  receivers: (q: string) =>
    queryOptions({
      queryKey: [...memberQueries.all(), 'receivers', q] as const,
      queryFn: ({ signal }) => searchMembers({ q, sortField: 'fullname', sortOrder: 'asc', start: 1, num: 20 }, signal),
    }),

  /** The latest changes made to one member (full administrators only). */
  auditLog: (username: string, num = 10) =>
    queryOptions({
      queryKey: [...memberQueries.all(), 'auditLog', username.toLowerCase(), num] as const,
      queryFn: ({ signal }) => getAuditLog(username, num, signal),
    }),

  roles: () =>
    queryOptions({
      queryKey: [...memberQueries.all(), 'roles'] as const,
      queryFn: ({ signal }) => getRoles(signal),
      staleTime: 5 * 60_000,
    }),

  userTypes: () =>
    queryOptions({
      queryKey: [...memberQueries.all(), 'userTypes'] as const,
      queryFn: ({ signal }) => getUserTypes(signal),
      staleTime: 60_000,
    }),

  /** Counts are a nicety: a portal without them (or without `status`) just shows none. */
  counts: (type: CountType) =>
    queryOptions({
      queryKey: [...memberQueries.all(), 'counts', type] as const,
      queryFn: ({ signal }) => getMemberCounts(type, signal),
      staleTime: 60_000,
      retry: false,
    }),
}

/** Same request → same key: fixed property order, no undefined q. */
function normalizeSearchParams(params: MemberSearchParams): MemberSearchParams {
  const normalized: MemberSearchParams = {
    sortField: params.sortField,
    sortOrder: params.sortOrder,
    start: params.start,
    num: params.num,
  }
  if (params.q) normalized.q = params.q
  return normalized
}
