/**
 * npm run seed -- [--members 100000] [--seed 1] [--data-dir .data] [--fresh]
 *
 * Builds the demo organization (server/seed/demo.ts) in the PGlite data
 * directory, or in PostgreSQL when DATABASE_URL is set. --fresh empties the
 * database first; without it a database that already holds an organization
 * is left alone. ADMIN_USERNAME, ADMIN_PASSWORD and SEED_PASSWORD apply as
 * for `npm start`.
 */
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { openDb } from '../db/connection.ts'
import { ensureDemoOrganization } from './demo.ts'
import { userIndexNames, wipeDatabase } from './wipe.ts'

const { values } = parseArgs({
  options: {
    members: { type: 'string', default: process.env.SEED_MEMBERS ?? '2000' },
    seed: { type: 'string', default: process.env.SEED ?? '1' },
    'data-dir': { type: 'string', default: process.env.DATA_DIR ?? '.data' },
    fresh: { type: 'boolean', default: false },
  },
})

const members = Number(values.members)
const seed = Number(values.seed)
if (!Number.isInteger(members) || members < 0 || !Number.isInteger(seed)) {
  console.error('--members must be a whole number ≥ 0 and --seed a whole number.')
  process.exit(2)
}
const databaseUrl = process.env.DATABASE_URL || undefined
const dataDir = resolve(values['data-dir']!)
const db = await openDb({ databaseUrl, dataDir: databaseUrl ? undefined : dataDir })
console.log(`Database: ${databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${dataDir}`}`)
try {
  if (values.fresh) await wipeDatabase(db)
  const started = performance.now()
  const message = await ensureDemoOrganization(db, {
    adminUsername: process.env.ADMIN_USERNAME ?? 'admin',
    adminPassword: process.env.ADMIN_PASSWORD,
    members,
    seed,
    memberPassword: process.env.SEED_PASSWORD ?? 'members-demo-1',
  })
  if (!message) {
    console.error('The database already holds an organization; nothing seeded. Add --fresh to replace it.')
    process.exitCode = 1
  } else {
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    const [counts] = await db.query<{ users: number; items: number; groups: number }>(
      'select (select count(*) from users)::int as users, (select count(*) from items)::int as items, (select count(*) from groups)::int as groups',
    )
    console.log(message)
    console.log(`Seeded in ${seconds} s: ${counts!.users} members, ${counts!.items} items, ${counts!.groups} groups; vacuumed and analyzed.`)
    console.log(`Indexes on users: ${(await userIndexNames(db)).join(', ')}`)
  }
} finally {
  await db.close()
}
