import { portalRequest } from '../../../lib/portal-client.ts'

export function deleteUser(username: string): Promise<{ success: boolean; username: string }> {
  return portalRequest(`community/users/${encodeURIComponent(username)}/delete`)
}
