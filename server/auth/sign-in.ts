import type { Db } from '../db/connection.ts'
import { verifyPassword } from './passwords.ts'
import { countAttempt, forgiveAttempt } from './rate-limit.ts'

export interface SignedInMember {
  id: string
  orgId: string
  /** As stored (the member may have typed it in another case). */
  username: string
  mustChangePassword: boolean
  /** users.credential_version when the password was checked: tokens and codes carry it. */
  credentialVersion: number
}

export type SignInOutcome =
  | { status: 'ok'; member: SignedInMember }
  | { status: 'invalid' }
  | { status: 'locked'; retryAfterMs: number }

interface CredentialRow {
  id: string
  org_id: string
  username: string
  password_hash: string | null
  disabled: boolean
  must_change_password: boolean
  credential_version: number
}

const MAX_INPUT_LENGTH = 1024

/**
 * Checks a username and password, rate-limited per account and per address.
 * Unknown user, wrong password, disabled member and SSO member (no password
 * hash) all come back as the same 'invalid', after the same scrypt work, so
 * neither the answer nor its timing tells them apart.
 * Usernames are case-insensitive. A success records last_login.
 */
export async function signInWithPassword(
  db: Db,
  input: { username: string; password: string; address: string },
): Promise<SignInOutcome> {
  const { username, password, address } = input
  const verdict = await countAttempt(db, username, address)
  if (!verdict.allowed) return { status: 'locked', retryAfterMs: verdict.retryAfterMs }

  const tooLong = username.length > MAX_INPUT_LENGTH || password.length > MAX_INPUT_LENGTH
  const [row] = tooLong
    ? []
    : await db.query<CredentialRow>(
        `select id, org_id, username, password_hash, disabled, must_change_password, credential_version
           from users where lower(username) = lower($1)`,
        [username],
      )
  // verifyPassword spends a full scrypt even when there is no hash to compare.
  const passwordMatches = await verifyPassword(tooLong ? '' : password, row?.password_hash ?? null)
  if (!row || !passwordMatches || row.disabled) return { status: 'invalid' }

  await forgiveAttempt(db, username, address)
  await db.query('update users set last_login = $2 where id = $1', [row.id, Date.now()])
  return {
    status: 'ok',
    member: {
      id: row.id,
      orgId: row.org_id,
      username: row.username,
      mustChangePassword: row.must_change_password,
      credentialVersion: row.credential_version,
    },
  }
}

/** "15 minutes", for the wait hint of a lock-out. */
export function waitHint(retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000))
  return `Too many failed sign-in attempts. Wait ${minutes} minute${minutes === 1 ? '' : 's'}, then try again.`
}
