import { portalRequest } from '../../../lib/portal-client.ts'
import type { CountsResponse, CountType } from '../types.ts'

/** Filter-menu counts: key → number of members (portal-api.md §3; `status` is our extension). */
export async function getMemberCounts(type: CountType, signal?: AbortSignal): Promise<Map<string, number>> {
  const response = await portalRequest<CountsResponse>('portals/self/users/counts', { type }, { method: 'GET', signal })
  return new Map((response.results ?? []).map(({ key, count }) => [key, count]))
}
