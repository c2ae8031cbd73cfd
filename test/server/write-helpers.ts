import { hashToken } from '../../server/auth/tokens.ts'
import type { Queryable } from '../../server/db/connection.ts'
import { insertMember, type MemberInput } from '../../server/seed/org.ts'
import { TEST_PASSWORD } from './fixture.ts'
import type { TestServer } from './harness.ts'

/** Helpers shared by the member-administration (write) tests. */

export const RECENTLY = Date.now() - 86_400_000

export interface MemberState {
  id: string
  username: string
  role: string
  role_id: string | null
  user_type_id: string
  disabled: boolean
  must_change_password: boolean
  password_hash: string | null
  full_name: string
  first_name: string
  last_name: string
  email: string
  description: string
  tags: string[]
  full_name_key: string
  last_name_key: string
  email_key: string
  search_key: string
}

export async function memberState(db: Queryable, username: string): Promise<MemberState> {
  const [row] = await db.query<MemberState>('select * from users where lower(username) = lower($1)', [username])
  if (!row) throw new Error(`no member ${username}`)
  return row
}

export async function tokenCount(db: Queryable, username: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    'select count(*)::int as n from tokens t join users u on u.id = t.user_id where lower(u.username) = lower($1)',
    [username],
  )
  return row?.n ?? 0
}

export async function enabledFullAdmins(db: Queryable, orgId: string): Promise<string[]> {
  const rows = await db.query<{ username: string }>(
    "select username from users where org_id = $1 and role = 'org_admin' and role_id is null and not disabled order by username",
    [orgId],
  )
  return rows.map((r) => r.username)
}

/** An extra member of the test organization (signed in recently, built-in account, Creator, User role by default). */
export async function addMember(server: TestServer, input: MemberInput): Promise<string> {
  const id = await insertMember(server.db, server.org.orgId, { lastLogin: RECENTLY, ...input })
  server.org.ids[input.username] = id
  return id
}

/** A token that was valid and has been revoked. */
export async function revokedTokenFor(server: TestServer, username: string): Promise<string> {
  const token = await server.tokenFor(username)
  await server.db.query('delete from tokens where token_hash = $1', [hashToken(token)])
  return token
}

export const post = (server: TestServer, path: string, params: Record<string, string | number | boolean>, token?: string) =>
  server.call(path, params, { method: 'POST', token })

/** Whether a token still works: community/self when served, else a write that needs a valid token. */
export async function tokenWorks(server: TestServer, token: string): Promise<boolean> {
  const answer = await post(server, 'community/users/nobody-at-all/update', {}, token)
  return answer.error?.code !== 498
}

export { TEST_PASSWORD }
