import { createHash, randomBytes } from 'node:crypto'
import type { Queryable } from '../db/connection.ts'

/** Tokens are random and only their SHA-256 is stored, so a database leak yields no usable token. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

export const newToken = () => randomBytes(32).toString('base64url')

export interface IssuedToken {
  token: string
  expires: number
}

/** The member was deleted, or their sessions were ended, after their credentials were checked. */
export class CredentialsChangedError extends Error {
  constructor() {
    super('The account changed while signing in.')
  }
}

export interface TokenInput {
  userId: string
  kind: 'access' | 'refresh'
  minutes: number
  clientId?: string
  restricted?: boolean
  /**
   * users.credential_version read when the credentials were checked (see
   * migration 005); the token works only while it is still current. Omitted:
   * the current one (tokens issued without a credential check, e.g. in tests).
   */
  credentialVersion?: number
}

export async function issueToken(db: Queryable, input: TokenInput): Promise<IssuedToken> {
  const token = newToken()
  const now = Date.now()
  // Sweep this member's expired tokens as new ones are issued, so the table stays bounded without a timer.
  await db.query('delete from tokens where user_id = $1 and expires <= $2', [input.userId, now])
  const expires = now + input.minutes * 60_000
  // Through the member's row, so a member deleted meanwhile yields no token (not a foreign-key error).
  const inserted = await db.query(
    `insert into tokens (token_hash, user_id, client_id, kind, restricted, created, expires, credential_version)
     select $1, u.id, $3, $4, $5, $6, $7, coalesce($8::integer, u.credential_version) from users u where u.id = $2
     returning token_hash`,
    [hashToken(token), input.userId, input.clientId ?? null, input.kind, input.restricted ?? false, now, expires, input.credentialVersion ?? null],
  )
  if (inserted.length === 0) throw new CredentialsChangedError()
  return { token, expires }
}

/**
 * Signs a member out everywhere (reset password, disable): every access and
 * refresh token, and any authorization code not yet exchanged, which would
 * otherwise still yield a fresh token.
 */
export async function revokeAllTokens(db: Queryable, userId: string): Promise<void> {
  // A sign-in still between its password check and storing its token gets a stale version: that token never works.
  await db.query('update users set credential_version = credential_version + 1 where id = $1', [userId])
  await db.query('delete from tokens where user_id = $1', [userId])
  await db.query('delete from oauth_codes where user_id = $1', [userId])
}
