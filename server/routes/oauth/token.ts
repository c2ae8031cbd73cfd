import type { Hono } from 'hono'
import { OAUTH_ACCESS_MINUTES } from '../../auth/grant-tokens.ts'
import { findClient, isRegisteredRedirect } from '../../auth/oauth-clients.ts'
import { redeemAuthorizationCode } from '../../auth/oauth-codes.ts'
import { invalidClient, invalidRequest, OAuthError } from '../../auth/oauth-error.ts'
import { exchangeRefreshToken, refreshAccessToken, revokeToken } from '../../auth/oauth-refresh.ts'
import type { AppEnv } from '../../http/context.ts'
import type { Params } from '../../http/params.ts'
import { respond } from '../../http/respond.ts'

function required(params: Params, name: string): string {
  const value = params[name]
  if (!value) throw invalidRequest(`${name} not specified`)
  return value
}

/**
 * POST oauth2/token (authorization_code, refresh_token, exchange_refresh_token)
 * and POST oauth2/revokeToken. REST JS calls revokeToken with a trailing
 * slash, so both spellings are routed.
 */
export function registerTokenRoutes(api: Hono<AppEnv>) {
  for (const path of ['/oauth2/token', '/oauth2/token/']) {
    api.post(path, async (c) => {
      const params = c.get('params')
      const db = c.get('db')
      const accessMinutes = Math.min(OAUTH_ACCESS_MINUTES, c.get('config').maxTokenMinutes)
      const clientId = required(params, 'client_id')
      const grantType = required(params, 'grant_type')
      const client = await findClient(db, clientId)
      if (!client) throw invalidClient()

      if (grantType === 'authorization_code') {
        const input = {
          clientId,
          code: required(params, 'code'),
          redirectUri: required(params, 'redirect_uri'),
          // PKCE is required: this server only issues codes bound to an S256 challenge.
          codeVerifier: required(params, 'code_verifier'),
          accessMinutes,
        }
        return respond(c, await redeemAuthorizationCode(db, input))
      }
      if (grantType === 'refresh_token') {
        return respond(c, await refreshAccessToken(db, { clientId, refreshToken: required(params, 'refresh_token'), accessMinutes }))
      }
      if (grantType === 'exchange_refresh_token') {
        const refreshToken = required(params, 'refresh_token')
        if (!isRegisteredRedirect(client, required(params, 'redirect_uri'))) throw invalidRequest('Invalid redirect_uri.')
        return respond(c, await exchangeRefreshToken(db, { clientId, refreshToken, accessMinutes }))
      }
      throw new OAuthError(
        400,
        'unsupported_grant_type',
        'grant_type must be authorization_code, refresh_token or exchange_refresh_token.',
      )
    })
  }

  // RFC 6749 §3.2: the token endpoint takes POST only (codes and tokens stay out of URLs).
  api.get('/oauth2/token', () => {
    throw invalidRequest('oauth2/token requires POST.')
  })

  for (const path of ['/oauth2/revoketoken', '/oauth2/revoketoken/']) {
    api.post(path, async (c) => {
      const params = c.get('params')
      // token_type_hint is accepted and not needed: one lookup finds either kind.
      await revokeToken(c.get('db'), { clientId: params.client_id || undefined, token: required(params, 'auth_token') })
      return respond(c, { success: true })
    })
  }
}
