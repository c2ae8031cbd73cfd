import { hashPassword } from '../server/auth/passwords.ts'
import { openDb } from '../server/db/connection.ts'
import type { Queryable } from '../server/db/connection.ts'
import { USER_TYPES } from '../server/domain/privileges.ts'
import { insertMember, newId } from '../server/seed/org.ts'
import { type Random, seededRandom } from '../server/seed/random.ts'
import { LOAD_ADMIN_PASSWORD } from './load-database.ts'
import { signIn } from './load-http.ts'

export interface AdminRaceResult {
  admins: number
  rounds: number
  requestsPerRound: number
  /** Every answer by outcome: "success", or the refusal's messageCode (ORG_LAST_ADMIN, GWM_0001, …). */
  outcomes: Record<string, number>
  /** HTTP errors, network errors and code-500 envelopes: none may happen. */
  unexpected: Record<string, number>
  /** Enabled full administrators left after each round (the rule: ≥ 1; the lock makes it exactly 1). */
  remainingPerRound: number[]
  /** Requests whose token was issued by the other process. */
  crossProcessRequests: number
  holds: boolean
}

const raceAdmin = (i: number) => `raceadmin${String(i + 1).padStart(2, '0')}`

/**
 * The last-administrator rule across server processes: in an organization of
 * its own, `admins` full administrators sign in (each through a random
 * process) and all at once demote or disable every other one, each request
 * sent to a random process. Whatever the interleaving, at least one enabled
 * full administrator must remain. Repeated for `rounds` rounds from a reset.
 */
export async function runAdminRace(databaseUrl: string, servers: string[], options: { admins: number; rounds: number; seed: number }): Promise<AdminRaceResult> {
  const db = await openDb({ databaseUrl, poolSize: 2 })
  const random = seededRandom(options.seed)
  const result: AdminRaceResult = {
    admins: options.admins, rounds: options.rounds, requestsPerRound: options.admins * (options.admins - 1),
    outcomes: {}, unexpected: {}, remainingPerRound: [], crossProcessRequests: 0, holds: false,
  }
  try {
    const orgId = await createRaceOrganization(db)
    const passwordHash = await hashPassword(LOAD_ADMIN_PASSWORD)
    for (let i = 0; i < options.admins; i++)
      await insertMember(db, orgId, { username: raceAdmin(i), role: 'org_admin', userTypeId: 'creatorUT', lastLogin: Date.now() - 60_000, passwordHash })
    for (let round = 0; round < options.rounds; round++) {
      await db.query("update users set role = 'org_admin', role_id = null, disabled = false where org_id = $1", [orgId])
      await raceOnce(servers, options.admins, round, random, result)
      const [{ remaining }] = await db.query<{ remaining: number }>(
        "select count(*)::int as remaining from users where org_id = $1 and role = 'org_admin' and role_id is null and not disabled",
        [orgId],
      )
      result.remainingPerRound.push(remaining)
    }
  } finally {
    await db.close()
  }
  result.holds = result.remainingPerRound.every((n) => n >= 1) && Object.keys(result.unexpected).length === 0
  return result
}

async function raceOnce(servers: string[], admins: number, round: number, random: Random, result: AdminRaceResult): Promise<void> {
  // Fresh sessions each round: a disabled administrator's tokens were revoked.
  const sessions = await Promise.all(
    Array.from({ length: admins }, async (_, i) => {
      const issuedBy = random.int(0, servers.length - 1)
      return { issuedBy, token: await signIn(servers[issuedBy]!, raceAdmin(i), LOAD_ADMIN_PASSWORD) }
    }),
  )
  const requests: (() => Promise<void>)[] = []
  for (let actor = 0; actor < admins; actor++)
    for (let target = 0; target < admins; target++) {
      if (actor === target) continue
      const server = random.int(0, servers.length - 1)
      if (server !== sessions[actor]!.issuedBy) result.crossProcessRequests++
      const demote = (actor + target + round) % 2 === 0
      const path = demote ? 'portals/self/updateUserRole' : `community/users/${raceAdmin(target)}/disable`
      const params: Record<string, string> = { f: 'json', token: sessions[actor]!.token, ...(demote ? { user: raceAdmin(target), role: 'org_user' } : {}) }
      requests.push(() => send(`${servers[server]}/${path}`, params, result))
    }
  await Promise.all(requests.map((request) => request()))
}

async function send(url: string, params: Record<string, string>, result: AdminRaceResult): Promise<void> {
  const count = (bucket: Record<string, number>, key: string) => {
    bucket[key] = (bucket[key] ?? 0) + 1
  }
  try {
    const answer = await fetch(url, { method: 'POST', body: new URLSearchParams(params), signal: AbortSignal.timeout(30_000) })
    if (answer.status !== 200) return count(result.unexpected, `HTTP ${answer.status}`)
    const body = await answer.json()
    if (!body.error) return body.success === true ? count(result.outcomes, 'success') : count(result.unexpected, 'answer without success')
    if (body.error.code >= 500) return count(result.unexpected, `${body.error.code} ${body.error.messageCode}`)
    count(result.outcomes, body.error.messageCode)
  } catch (error) {
    count(result.unexpected, error instanceof Error ? error.message : String(error))
  }
}

/**
 * A second organization with the Creator user type and no custom roles: the
 * race uses default roles only. Not seed/org.ts createOrganization, which
 * inserts the built-in custom roles under fixed ids that roles.id (a
 * portal-wide primary key) already holds for the demo organization.
 */
async function createRaceOrganization(db: Queryable): Promise<string> {
  const id = newId().slice(0, 16)
  const now = Date.now()
  await db.query('insert into orgs (id, url_key, name, max_users, created, modified) values ($1, $2, $3, 100, $4, $4)', [id, `loadrace${id}`, 'Load race', now])
  const creator = USER_TYPES.find((t) => t.id === 'creatorUT')!
  await db.query(
    `insert into user_types (org_id, id, name, description, privileges, can_own_content, level, max_users)
     values ($1, $2, $3, $4, $5, $6, $7, 100)`,
    [id, creator.id, creator.name, creator.description, creator.privileges, creator.canOwnContent, creator.level],
  )
  return id
}
