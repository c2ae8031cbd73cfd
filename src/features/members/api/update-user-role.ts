import { portalRequest } from '../../../lib/portal-client.ts'

/** `role` is a default role name (org_admin, org_publisher, org_user) or a custom role id. */
export function updateUserRole(username: string, role: string): Promise<{ success: boolean; username: string }> {
  return portalRequest('portals/self/updateUserRole', { user: username, role })
}
