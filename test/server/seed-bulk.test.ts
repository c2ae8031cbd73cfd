import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../server/db/connection.ts'
import { insertRows, withIndexesBuiltAfter } from '../../server/seed/bulk.ts'
import { createOrganization, MEMBER_COLUMNS, memberValues } from '../../server/seed/org.ts'
import { userIndexNames, wipeDatabase } from '../../server/seed/wipe.ts'
import { freshDb } from './harness.ts'

describe('bulk seeding helpers', () => {
  let db: Db
  let drop: () => Promise<void>
  let orgId: string
  beforeAll(async () => {
    ;({ db, drop } = await freshDb())
    orgId = await createOrganization(db, { name: 'Bulk', urlKey: 'bulk', maxUsers: 100 })
  })
  afterAll(() => drop())

  it('inserts across batch boundaries, keeping nulls, booleans, big numbers and quotes', async () => {
    const rows = Array.from({ length: 7 }, (_, i) =>
      memberValues(orgId, {
        username: `bulk${i}`,
        firstName: i === 3 ? `O'Brien "q" {x}, \\ ∑` : `First${i}`,
        disabled: i % 2 === 0,
        idpUsername: i === 1 ? 'idp@corp' : null,
        lastLogin: i === 5 ? -1 : 1_767_000_000_000 + i,
      }),
    )
    await insertRows(db, 'users', MEMBER_COLUMNS, rows, 3)
    const stored = await db.query<any>("select username, first_name, disabled, idp_username, last_login from users where username like 'bulk%' order by username")
    expect(stored).toHaveLength(7)
    expect(stored[3].first_name).toBe(`O'Brien "q" {x}, \\ ∑`)
    expect(stored.map((r) => r.disabled)).toEqual([true, false, true, false, true, false, true])
    expect(stored.map((r) => r.idp_username)).toEqual([null, 'idp@corp', null, null, null, null, null])
    expect(stored[5].last_login).toBe(-1)
    expect(stored[6].last_login).toBe(1_767_000_000_006)
  })

  it('rebuilds the dropped indexes with their own definitions, and keeps unique ones enforcing', async () => {
    const definitions = async () => (await db.query<any>("select indexdef from pg_indexes where tablename = 'users' order by indexname")).map((r) => r.indexdef)
    const before = await definitions()
    const during = await withIndexesBuiltAfter(db, 'users', async () => userIndexNames(db))
    expect(during).toEqual(['users_pkey', 'users_username_lower'])
    expect(await definitions()).toEqual(before)
    await expect(insertRows(db, 'users', MEMBER_COLUMNS, [memberValues(orgId, { username: 'BULK0' })])).rejects.toThrow(/duplicate|unique/i)
  })

  it('refuses a column the table does not have', async () => {
    await expect(insertRows(db, 'users', ['username', 'nonsense'], [['x', 1]])).rejects.toThrow(/nonsense/)
  })

  it('empties every table but the migration record', async () => {
    await wipeDatabase(db)
    const [counts] = await db.query<any>('select (select count(*)::int from orgs) as orgs, (select count(*)::int from users) as users, (select count(*)::int from schema_migrations) as migrations')
    expect([counts.orgs, counts.users]).toEqual([0, 0])
    expect(counts.migrations).toBeGreaterThan(0)
  })
})
