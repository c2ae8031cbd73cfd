import { portalRequest } from '../../../lib/portal-client.ts'
import type { BulkCallResult } from '../hooks/use-bulk-run.ts'

/**
 * Our portal's extension (ArcGIS has updateUserRole only, one member per
 * call): up to 100 members to one role, each with its own outcome. A portal
 * without it refuses the whole call; the runner then falls back to
 * updateUserRole (bulkOrEach).
 */
export async function updateUserRoles(usernames: readonly string[], role: string): Promise<BulkCallResult[]> {
  const response = await portalRequest<{ results?: BulkCallResult[] }>('portals/self/updateUserRoles', { users: usernames, role })
  if (!Array.isArray(response.results)) throw new Error('The portal answered updateUserRoles without results.')
  return response.results
}
