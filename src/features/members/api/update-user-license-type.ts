import { portalRequest } from '../../../lib/portal-client.ts'
import type { BulkCallResult } from '../hooks/use-bulk-run.ts'

/**
 * Up to 100 members to one user type. `role`, when given, is set together with
 * the type (Extension: our portal accepts it so a member never holds a role
 * their new type does not allow; ArcGIS wants the role changed first).
 */
export async function updateUserLicenseType(usernames: readonly string[], userLicenseType: string, role?: string): Promise<BulkCallResult[]> {
  const response = await portalRequest<{ results?: BulkCallResult[] }>('portals/self/updateUserLicenseType', {
    users: usernames,
    userLicenseType,
    role,
  })
  return response.results ?? []
}
