import { hashPassword } from '../server/auth/passwords.ts'
import { type Db, openDb } from '../server/db/connection.ts'
import { insertRows } from '../server/seed/bulk.ts'
import { ensureDemoOrganization } from '../server/seed/demo.ts'
import { MEMBER_COLUMNS, memberValues } from '../server/seed/org.ts'
import { WELL_KNOWN_USERNAMES } from '../server/seed/demo-accounts.ts'

/** Every bench administrator signs in with this password (they exist only in the bench database). */
export const LOAD_ADMIN_PASSWORD = 'load-admin-password'
export const loadAdminName = (i: number) => `loadadmin${String(i + 1).padStart(3, '0')}`
/** Members each client changes: no two clients share one, so no change races another and no rule refuses it. */
export const MEMBERS_PER_CLIENT = 4

export interface Where {
  /** PostgreSQL connection string, or… */
  databaseUrl?: string
  /** …a PGlite data directory. */
  dataDir?: string
}

export interface SeededLoad {
  orgId: string
  seedMs: number
  /** Sample of usernames for "open a member" when a client has no search results yet. */
  sampleUsernames: string[]
}

/**
 * Seeds the demo organization of `members` members (the seeder's own API, as
 * `npm run seed` does) plus one full administrator per simulated client, then
 * closes the database so the server processes can open it.
 */
export async function seedLoadDatabase(where: Where, members: number, clients: number): Promise<SeededLoad> {
  const db = await openDb(where)
  try {
    const started = performance.now()
    const seeded = await ensureDemoOrganization(db, {
      adminUsername: 'admin',
      adminPassword: 'load-first-admin-password',
      members,
      seed: 1,
      memberPassword: 'load-member-password',
    })
    if (!seeded) throw new Error('The load database already holds an organization: it must be fresh.')
    const [{ org_id: orgId }] = await db.query<{ org_id: string }>("select org_id from users where username = 'admin'")
    await addLoadAdmins(db, orgId, clients)
    // A database in service has been vacuumed: the visibility map lets counts use
    // index-only scans, and autovacuum does not start in the middle of the measurement.
    await db.query('vacuum analyze')
    const seedMs = performance.now() - started
    const sample = await db.query<{ username: string }>(
      'select username from users where org_id = $1 order by id limit 2000',
      [orgId],
    )
    return { orgId, seedMs, sampleUsernames: sample.map((r) => r.username) }
  } finally {
    await db.close()
  }
}

/** One full administrator per client, as each simulated person signs in as themself. */
async function addLoadAdmins(db: Db, orgId: string, count: number): Promise<void> {
  const passwordHash = await hashPassword(LOAD_ADMIN_PASSWORD)
  const now = Date.now()
  const rows = Array.from({ length: count }, (_, i) =>
    memberValues(orgId, {
      username: loadAdminName(i), firstName: 'Load', lastName: `Administrator ${i + 1}`, role: 'org_admin',
      userTypeId: 'creatorUT', created: now - 86_400_000, lastLogin: now - 3_600_000, passwordHash,
    }),
  )
  await insertRows(db, 'users', MEMBER_COLUMNS, rows)
  // Each admin takes a Creator seat the seeder did not plan for; give the type room for them.
  await db.query("update user_types set max_users = max_users + $2 where org_id = $1 and id = 'creatorUT'", [orgId, count])
  await db.query('update orgs set max_users = max_users + $2 where id = $1', [orgId, count])
}

export interface OwnMember {
  username: string
  role: 'org_user' | 'org_publisher'
  disabled: boolean
}

/**
 * The members each client may change, read as they are now (an earlier phase
 * may have flipped them): Creator type, so both User and Publisher fit (rule 3);
 * signed in before, so they can be disabled (rule 6); no administrators (rule 1)
 * and no custom role. Client i gets slice i.
 */
export async function membersForClients(where: Where, orgId: string, clients: number): Promise<OwnMember[][]> {
  const db = await openDb(where)
  try {
    const rows = await db.query<OwnMember>(
      `select username, role, disabled from users
        where org_id = $1 and user_type_id = 'creatorUT' and role in ('org_user', 'org_publisher') and role_id is null
          and last_login > 0 and username <> all($3::text[])
        order by username_key limit $2`,
      [orgId, clients * MEMBERS_PER_CLIENT, WELL_KNOWN_USERNAMES],
    )
    if (rows.length < clients * MEMBERS_PER_CLIENT)
      throw new Error(`Only ${rows.length} members fit the role/disable mix; ${clients * MEMBERS_PER_CLIENT} are needed. Seed more members.`)
    return Array.from({ length: clients }, (_, i) => rows.slice(i * MEMBERS_PER_CLIENT, (i + 1) * MEMBERS_PER_CLIENT))
  } finally {
    await db.close()
  }
}
