import { portalRequest } from '../../../lib/portal-client.ts'
import type { BulkCallResult } from '../hooks/use-bulk-run.ts'

/** Up to 100 members; each gets their own outcome. */
export async function enableUsers(usernames: readonly string[]): Promise<BulkCallResult[]> {
  const response = await portalRequest<{ results?: BulkCallResult[] }>('portals/self/enableUsers', { users: usernames })
  return response.results ?? []
}
