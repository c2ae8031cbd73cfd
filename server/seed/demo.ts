/**
 * The demo organization, created on a first start with an empty database.
 *
 * Well-known accounts (all sign in with the demo member password, SEED_PASSWORD,
 * except sso1; they exist whenever at least 15 demo members are seeded):
 *   admin2, admin3, admin4  full administrators (besides the first one, ADMIN_USERNAME)
 *   manager       Member Manager: custom administrative role without portal:admin:deleteUsers
 *   publisher1    Publisher; owns 2 root items, folder "Maps" with 2 items, group "Publishing Team" (4 members)
 *   publisher2    Publisher owning nothing
 *   user1         User owning nothing;            analyst1  Analyst (plain custom role)
 *   viewer1       Viewer type, Viewer role;       editor1   Contributor type, Data Editor role
 *   fieldworker1  Mobile Worker type, Data Editor role
 *   never1        never signed in;                disabled1 disabled
 *   sso1          enterprise login, no password;  pro1      GIS Professional Advanced (1 seat left)
 */
import { hashPassword, temporaryPassword } from '../auth/passwords.ts'
import type { Db, Queryable } from '../db/connection.ts'
import { buildDemoOrganization, DEMO_ORG_NAME } from './build.ts'
import { planDemoMembers } from './demo-members.ts'

export interface DemoOptions {
  adminUsername: string
  adminPassword?: string
  members: number
  seed: number
  memberPassword: string
  /** The reference time for every demo date (tests pin it); default now. */
  now?: number
}

/** Any value works as long as nothing else takes this advisory lock. */
const SEED_LOCK = 7302

const hasOrganization = async (db: Queryable) => (await db.query('select 1 from orgs limit 1')).length > 0

/**
 * Creates and seeds the demo organization when the database holds none, and
 * returns how to sign in; returns undefined when there already is one. Two
 * processes starting together on one PostgreSQL seed it once: the second waits
 * on the advisory lock, then finds the organization.
 */
export async function ensureDemoOrganization(db: Db, options: DemoOptions): Promise<string | undefined> {
  if (await hasOrganization(db)) return undefined
  const now = options.now ?? Date.now()
  const generatedPassword = options.adminPassword ? undefined : temporaryPassword()
  const adminPasswordHash = await hashPassword(options.adminPassword ?? generatedPassword!)
  // One scrypt hash for every demo member: hashing 100,000 passwords would take
  // over an hour, and a shared hash still verifies for each member because the
  // salt travels in the stored string. Acceptable for demo data only: members
  // with the same password are told apart by no one.
  const memberPasswordHash = options.members > 0 ? await hashPassword(options.memberPassword) : null
  const members = planDemoMembers({ count: options.members, seed: options.seed, now, reserved: [options.adminUsername] })

  const created = await db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [SEED_LOCK])
    if (await hasOrganization(tx)) return false
    await buildDemoOrganization(tx, { adminUsername: options.adminUsername, adminPasswordHash, memberPasswordHash, members, now })
    return true
  })
  if (!created) return undefined
  // Statistics, so the planner picks the search indexes from the first query
  // on; and VACUUM sets the visibility map, without which every index-only
  // scan (counts, deep pages) still reads the table: at 100,000 members a count
  // drops from ~60 ms to ~14 ms. It cannot run in a transaction, hence here.
  await db.query('vacuum analyze')
  return signInMessage(options, members.length, generatedPassword)
}

function signInMessage(options: DemoOptions, memberCount: number, generatedPassword: string | undefined): string {
  const lines = [
    `Created the organization "${DEMO_ORG_NAME}" with ${memberCount.toLocaleString('en-US')} demo members.`,
    `Sign in as the administrator: ${options.adminUsername}`,
    generatedPassword
      ? `  password: ${generatedPassword}   (generated; shown only this once — set ADMIN_PASSWORD to choose one)`
      : '  password: the one in ADMIN_PASSWORD',
  ]
  if (memberCount > 0)
    lines.push(`Demo members (e.g. manager, publisher1, viewer1) sign in with the password: ${options.memberPassword}`)
  return lines.join('\n')
}
