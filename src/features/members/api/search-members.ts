import { MEMBER_SEARCH_PATH } from '../../../first-screen/first-screen-reads.ts'
import { portalRequest } from '../../../lib/portal-client.ts'
import type { MemberSearchResponse } from '../types.ts'
import type { MemberSearchParams } from './search-query.ts'

export { MAX_PAGEABLE } from './search-view.ts'

export function searchMembers(params: MemberSearchParams, signal?: AbortSignal): Promise<MemberSearchResponse> {
  return portalRequest<MemberSearchResponse>(MEMBER_SEARCH_PATH, { ...params }, { method: 'GET', signal })
}
