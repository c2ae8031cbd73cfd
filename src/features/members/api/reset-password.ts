import { portalRequest } from '../../../lib/portal-client.ts'

export interface ResetPasswordResult {
  success: boolean
  username: string
  temporaryPassword: string
}

/**
 * Extension: an administrator's reset (no current password) returns a one-time temporary password.
 * An answer without one (a portal whose reset works otherwise) is an error, not a dialog left waiting.
 */
export async function resetPassword(username: string): Promise<ResetPasswordResult> {
  const answer = await portalRequest<Partial<ResetPasswordResult>>(`community/users/${encodeURIComponent(username)}/reset`)
  if (typeof answer.temporaryPassword !== 'string' || !answer.temporaryPassword)
    throw new Error('the portal answered without a temporary password, so none can be shown. Check the member in the portal itself.')
  return answer as ResetPasswordResult
}
