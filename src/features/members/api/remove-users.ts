import { portalRequest } from '../../../lib/portal-client.ts'
import type { BulkCallResult } from '../hooks/use-bulk-run.ts'

interface RemoveUsersResponse {
  notRemoved?: string[]
  results?: BulkCallResult[]
}

/** Deletes up to 100 members, each on their own; members still owning content are refused. */
export async function removeUsers(usernames: readonly string[]): Promise<BulkCallResult[]> {
  const response = await portalRequest<RemoveUsersResponse>('portals/self/removeUsers', { users: usernames })
  if (response.results) return response.results
  // A portal answering only `notRemoved` still tells who stayed.
  const kept = new Set((response.notRemoved ?? []).map((u) => u.toLowerCase()))
  return usernames.map((username) => ({ username, status: kept.has(username.toLowerCase()) ? 'failure' : 'success' }))
}
