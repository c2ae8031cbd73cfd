import { createHash, randomBytes } from 'node:crypto'
import type { Queryable } from '../db/connection.ts'

/** Tokens are random and only their SHA-256 is stored, so a database leak yields no usable token. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

export const newToken = () => randomBytes(32).toString('base64url')

export interface IssuedToken {
  token: string
  expires: number
}

export async function issueToken(
  db: Queryable,
  input: { userId: string; kind: 'access' | 'refresh'; minutes: number; clientId?: string; restricted?: boolean },
): Promise<IssuedToken> {
  const token = newToken()
  const now = Date.now()
  // Sweep this member's expired tokens as new ones are issued, so the table stays bounded without a timer.
  await db.query('delete from tokens where user_id = $1 and expires <= $2', [input.userId, now])
  const expires = now + input.minutes * 60_000
  await db.query(
    'insert into tokens (token_hash, user_id, client_id, kind, restricted, created, expires) values ($1,$2,$3,$4,$5,$6,$7)',
    [hashToken(token), input.userId, input.clientId ?? null, input.kind, input.restricted ?? false, now, expires],
  )
  return { token, expires }
}

/**
 * Signs a member out everywhere (reset password, disable): every access and
 * refresh token, and any authorization code not yet exchanged, which would
 * otherwise still yield a fresh token.
 */
export async function revokeAllTokens(db: Queryable, userId: string): Promise<void> {
  await db.query('delete from tokens where user_id = $1', [userId])
  await db.query('delete from oauth_codes where user_id = $1', [userId])
}
