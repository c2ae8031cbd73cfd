import type { Db } from '../db/connection.ts'
import { issueGrantToken, type OAuthTokenResponse, revokeGrant, tokenResponse } from './grant-tokens.ts'
import { invalidRefreshToken, OAuthError } from './oauth-error.ts'
import { hashToken } from './tokens.ts'

interface RefreshRow {
  token_hash: string
  user_id: string
  client_id: string | null
  grant_id: string | null
  created: number
  expires: number
  username: string
  disabled: boolean
  must_change_password: boolean
  token_version: number
  member_version: number
}

const REFRESH_SQL = `select t.token_hash, t.user_id, t.client_id, t.grant_id, t.created, t.expires,
                            u.username, u.disabled, u.must_change_password,
                            t.credential_version as token_version, u.credential_version as member_version
                       from tokens t join users u on u.id = t.user_id
                      where t.token_hash = $1 and t.kind = 'refresh' and t.expires > $2`

function usableRefresh(row: RefreshRow | undefined, clientId: string): RefreshRow & { client_id: string; grant_id: string } {
  if (!row || row.disabled || row.token_version !== row.member_version || row.client_id !== clientId || !row.client_id || !row.grant_id) throw invalidRefreshToken()
  return row as RefreshRow & { client_id: string; grant_id: string }
}

/** grant_type=refresh_token: a new access token in the same session. */
export async function refreshAccessToken(
  db: Db,
  input: { clientId: string; refreshToken: string; accessMinutes: number },
): Promise<OAuthTokenResponse> {
  return db.transaction(async (tx) => {
    const [found] = await tx.query<RefreshRow>(REFRESH_SQL, [hashToken(input.refreshToken), Date.now()])
    const row = usableRefresh(found, input.clientId)
    const access = await issueGrantToken(tx, {
      userId: row.user_id,
      clientId: row.client_id,
      kind: 'access',
      minutes: input.accessMinutes,
      restricted: row.must_change_password,
      grantId: row.grant_id,
      credentialVersion: row.token_version,
    })
    return tokenResponse(row.username, access)
  })
}

/**
 * grant_type=exchange_refresh_token (ArcGIS): a new refresh token, with the
 * original one's full lifetime from now, plus a new access token. The old
 * refresh token is retired, so a leaked one stops working at the next exchange.
 */
export async function exchangeRefreshToken(
  db: Db,
  input: { clientId: string; refreshToken: string; accessMinutes: number },
): Promise<OAuthTokenResponse> {
  return db.transaction(async (tx) => {
    const [found] = await tx.query<RefreshRow>(`${REFRESH_SQL} for update of t`, [hashToken(input.refreshToken), Date.now()])
    const row = usableRefresh(found, input.clientId)
    await tx.query('delete from tokens where token_hash = $1', [row.token_hash])
    const common = {
      userId: row.user_id,
      clientId: row.client_id,
      restricted: row.must_change_password,
      grantId: row.grant_id,
      credentialVersion: row.token_version,
    }
    const refreshMinutes = Math.max(1, Math.round((row.expires - row.created) / 60_000))
    const access = await issueGrantToken(tx, { ...common, kind: 'access', minutes: input.accessMinutes })
    const refresh = await issueGrantToken(tx, { ...common, kind: 'refresh', minutes: refreshMinutes })
    return tokenResponse(row.username, access, refresh)
  })
}

/**
 * oauth2/revokeToken: an access or refresh token. A token of an OAuth session
 * ends the whole session (sign-out); a generateToken token ends alone. Unknown
 * tokens succeed (RFC 7009 §2.2: the goal, an unusable token, holds).
 */
export async function revokeToken(db: Db, input: { clientId: string | undefined; token: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const tokenHash = hashToken(input.token)
    const [row] = await tx.query<{ client_id: string | null; grant_id: string | null }>(
      'select client_id, grant_id from tokens where token_hash = $1',
      [tokenHash],
    )
    if (!row) return
    // RFC 7009 §2.1: a client may only revoke its own tokens.
    if (row.client_id && row.client_id !== input.clientId)
      throw new OAuthError(400, 'unauthorized_client', 'This token was not issued to this client_id.')
    if (row.grant_id) await revokeGrant(tx, row.grant_id)
    else await tx.query('delete from tokens where token_hash = $1', [tokenHash])
  })
}
