import { portalRequest } from '../../../lib/portal-client.ts'

/**
 * Moves everything a member owns to `targetUsername` in one transaction: root
 * items to `<username>_root`, each folder to `<username>_<folder>`, every group.
 */
export function reassignUserContent(username: string, targetUsername: string): Promise<{ success: boolean }> {
  return portalRequest(`community/users/${encodeURIComponent(username)}/reassign`, { targetUsername })
}
