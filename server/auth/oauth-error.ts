import { PortalError } from '../http/errors.ts'

/**
 * An error of the OAuth endpoints (oauth2/token, oauth2/revokeToken). ArcGIS
 * answers these with the RFC 6749 error code inside its envelope,
 * {"error":{code, error, error_description, message}}, which REST JS reads
 * (message, code). HTTP status stays 200 like every other error here.
 */
export class OAuthError extends PortalError {
  constructor(
    code: number,
    readonly oauthError: string,
    description: string,
  ) {
    super(code, oauthError, description)
  }

  // app.ts serialises every PortalError with toJSON(); this one has ArcGIS's OAuth shape instead.
  override toJSON(): ReturnType<PortalError['toJSON']> {
    const body = { error: { code: this.code, error: this.oauthError, error_description: this.message, message: this.message } }
    return body as unknown as ReturnType<PortalError['toJSON']>
  }
}

export const invalidRequest = (description: string) => new OAuthError(400, 'invalid_request', description)
export const invalidGrant = (description: string) => new OAuthError(400, 'invalid_grant', description)
export const invalidClient = (description = 'Invalid client_id.') => new OAuthError(400, 'invalid_client', description)
/** 498 like any invalid token, so REST JS treats it as an authentication failure. */
export const invalidRefreshToken = () => new OAuthError(498, 'invalid_grant', 'Invalid refresh_token.')
