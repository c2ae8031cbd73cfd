import { PortalRequestError, portalRequest } from '../../../lib/portal-client.ts'

export interface ResetPasswordResult {
  success: boolean
  username: string
  temporaryPassword: string
}

/**
 * Extension: an administrator's reset (no current password) returns a one-time temporary password.
 * An answer without one (a portal whose reset works otherwise) is an error, not a dialog left waiting;
 * so is a portal without the operation (a real ArcGIS portal), said in words an administrator can act on.
 */
export async function resetPassword(username: string): Promise<ResetPasswordResult> {
  let answer: Partial<ResetPasswordResult>
  try {
    answer = await portalRequest<Partial<ResetPasswordResult>>(`community/users/${encodeURIComponent(username)}/reset`)
  } catch (error) {
    if (error instanceof PortalRequestError && error.isNoSuchOperation)
      throw new Error(
        'this portal cannot reset a password from the console (it has no reset that returns a temporary password). Reset it in the portal’s own organization settings.',
      )
    throw error
  }
  if (typeof answer.temporaryPassword !== 'string' || !answer.temporaryPassword)
    throw new Error('the portal answered without a temporary password, so none can be shown. Check the member in the portal itself.')
  return answer as ResetPasswordResult
}
