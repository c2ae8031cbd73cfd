import type { Db, Queryable } from '../db/connection.ts'
import { issueGrantToken, type OAuthTokenResponse, revokeGrant, tokenResponse } from './grant-tokens.ts'
import { invalidGrant, type OAuthError } from './oauth-error.ts'
import { verifierMatches } from './pkce.ts'
import { hashToken, newToken } from './tokens.ts'

/** Codes are short-lived (RFC 6749 §4.1.2 recommends at most 10 minutes). */
export const CODE_TTL_MS = 5 * 60_000
// Used codes are kept a day past expiry, so a late replay still ends the session it began.
const CODE_KEEP_MS = 24 * 60 * 60_000

export interface NewCode {
  clientId: string
  userId: string
  redirectUri: string
  codeChallenge: string
  /** Life of the refresh token this code will yield. */
  refreshMinutes: number
  /** users.credential_version when the member signed in. */
  credentialVersion: number
}

/** A single-use authorization code; only its hash is stored. */
export async function createAuthorizationCode(tx: Queryable, input: NewCode): Promise<string> {
  const code = newToken()
  const now = Date.now()
  await tx.query('delete from oauth_codes where expires < $1', [now - CODE_KEEP_MS])
  await tx.query(
    `insert into oauth_codes (code_hash, client_id, user_id, redirect_uri, code_challenge, expiration_minutes, expires, credential_version)
     values ($1,$2,$3,$4,$5,$6,$7,$8)`,
    [
      hashToken(code),
      input.clientId,
      input.userId,
      input.redirectUri,
      input.codeChallenge,
      input.refreshMinutes,
      now + CODE_TTL_MS,
      input.credentialVersion,
    ],
  )
  return code
}

interface CodeRow {
  client_id: string
  user_id: string
  redirect_uri: string
  code_challenge: string
  expiration_minutes: number
  expires: number
  used: boolean
  username: string
  disabled: boolean
  must_change_password: boolean
  code_version: number
  member_version: number
}

export interface CodeExchange {
  clientId: string
  code: string
  redirectUri: string
  codeVerifier: string
  accessMinutes: number
}

/**
 * grant_type=authorization_code: the code must be unused, unexpired, issued to
 * this client for this redirect_uri, and the verifier must hash to its
 * challenge. A second use of a code revokes the tokens the first one issued
 * (RFC 6749 §4.1.2): someone else holds that code.
 */
export async function redeemAuthorizationCode(db: Db, input: CodeExchange): Promise<OAuthTokenResponse> {
  const grantId = hashToken(input.code)
  // Failures are returned, not thrown, so the revocation of a replayed code commits.
  const outcome = await db.transaction(async (tx): Promise<OAuthTokenResponse | OAuthError> => {
    const [row] = await tx.query<CodeRow>(
      `select c.client_id, c.user_id, c.redirect_uri, c.code_challenge, c.expiration_minutes, c.expires, c.used,
              u.username, u.disabled, u.must_change_password,
              c.credential_version as code_version, u.credential_version as member_version
         from oauth_codes c join users u on u.id = c.user_id
        where c.code_hash = $1 for update of c`,
      [grantId],
    )
    if (!row) return invalidGrant('Invalid authorization code.')
    if (row.used) {
      await revokeGrant(tx, grantId)
      return invalidGrant('The authorization code was already used. Sign in again.')
    }
    if (row.expires <= Date.now()) return invalidGrant('The authorization code has expired. Sign in again.')
    if (row.client_id !== input.clientId) return invalidGrant('The authorization code was issued to another client.')
    if (row.redirect_uri !== input.redirectUri) return invalidGrant('Invalid redirect_uri: it must match the one used to sign in.')
    if (!verifierMatches(input.codeVerifier, row.code_challenge)) return invalidGrant('Invalid code_verifier.')
    if (row.disabled || row.code_version !== row.member_version) return invalidGrant('Invalid authorization code.')

    await tx.query('update oauth_codes set used = true where code_hash = $1', [grantId])
    const common = {
      userId: row.user_id,
      clientId: row.client_id,
      restricted: row.must_change_password,
      grantId,
      credentialVersion: row.code_version,
    }
    const access = await issueGrantToken(tx, { ...common, kind: 'access', minutes: input.accessMinutes })
    const refresh = await issueGrantToken(tx, { ...common, kind: 'refresh', minutes: row.expiration_minutes })
    return tokenResponse(row.username, access, refresh)
  })
  if (outcome instanceof Error) throw outcome
  return outcome
}
