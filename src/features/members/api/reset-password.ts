import { portalRequest } from '../../../lib/portal-client.ts'

export interface ResetPasswordResult {
  success: boolean
  username: string
  temporaryPassword: string
}

/** Extension: an administrator's reset (no current password) returns a one-time temporary password. */
export function resetPassword(username: string): Promise<ResetPasswordResult> {
  return portalRequest<ResetPasswordResult>(`community/users/${encodeURIComponent(username)}/reset`)
}
