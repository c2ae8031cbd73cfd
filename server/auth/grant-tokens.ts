import type { Queryable } from '../db/connection.ts'
import { hashToken, type IssuedToken, issueToken } from './tokens.ts'

/** Access tokens from OAuth live about 30 minutes, as in ArcGIS; the refresh token carries the session. */
export const OAUTH_ACCESS_MINUTES = 30

export interface GrantTokenInput {
  userId: string
  clientId: string
  kind: 'access' | 'refresh'
  minutes: number
  restricted: boolean
  /** The session: hash of the authorization code that began it. */
  grantId: string
  /** The credential version the session began with (carried from code to tokens). */
  credentialVersion: number
}

/** issueToken, then tag the token with its session so it can be ended as a whole. */
export async function issueGrantToken(tx: Queryable, input: GrantTokenInput): Promise<IssuedToken> {
  const issued = await issueToken(tx, input)
  await tx.query('update tokens set grant_id = $2 where token_hash = $1', [hashToken(issued.token), input.grantId])
  return issued
}

/** Ends every token of a session (sign-out, replayed code). */
export async function revokeGrant(tx: Queryable, grantId: string): Promise<void> {
  await tx.query('delete from tokens where grant_id = $1', [grantId])
}

/** The oauth2/token answer, as ArcGIS shapes it (seconds, not epoch). */
export interface OAuthTokenResponse {
  access_token: string
  expires_in: number
  username: string
  ssl: boolean
  refresh_token?: string
  refresh_token_expires_in?: number
}

export function tokenResponse(username: string, access: IssuedToken, refresh?: IssuedToken): OAuthTokenResponse {
  const seconds = (t: IssuedToken) => Math.round((t.expires - Date.now()) / 1000)
  return {
    access_token: access.token,
    expires_in: seconds(access),
    username,
    ssl: false,
    ...(refresh ? { refresh_token: refresh.token, refresh_token_expires_in: seconds(refresh) } : {}),
  }
}
