import { portalRequest } from '../../../lib/portal-client.ts'

export interface OwnedGroup {
  id: string
  title: string
  owner: string
  [key: string]: unknown
}

interface GroupSearchResponse {
  total: number
  results: OwnedGroup[]
}

/** Groups the member owns (group search `owner:<username>`). */
export function getMemberGroups(username: string, signal?: AbortSignal): Promise<GroupSearchResponse> {
  // Quote the username: it may hold '@', '.', '-' which Lucene would otherwise split on.
  const q = `owner:"${username.replace(/(["\\])/g, '\\$1')}"`
  return portalRequest<GroupSearchResponse>('community/groups', { q, start: 1, num: 100 }, { method: 'GET', signal })
}
