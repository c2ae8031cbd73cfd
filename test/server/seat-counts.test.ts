import { afterEach, beforeEach, expect, test } from 'vitest'
import type { Db } from '../../server/db/connection.ts'
import { lockSeatRows, repairSeatCounts } from '../../server/db/seat-counts.ts'
import { createTestOrganization } from './fixture.ts'
import { freshDb } from './harness.ts'

/**
 * The seat counts the triggers keep (server/db/seat-counts.ts), after a change
 * that bypassed them: each start corrects them from the members themselves.
 */

let db: Db
let drop: () => Promise<void>
let orgId: string
beforeEach(async () => {
  ;({ db, drop } = await freshDb())
  ;({ orgId } = await createTestOrganization(db))
})
afterEach(() => drop())

async function keptSeats(): Promise<Record<string, number>> {
  const rows = await db.query<{ id: string; n: number }>('select id, assigned_users as n from user_types where org_id = $1', [orgId])
  return Object.fromEntries(rows.map((row) => [row.id, row.n]))
}

async function countedSeats(): Promise<Record<string, number>> {
  const rows = await db.query<{ id: string; n: number }>(
    'select t.id, count(u.id)::int as n from user_types t left join users u on u.org_id = t.org_id and u.user_type_id = t.id where t.org_id = $1 group by t.id',
    [orgId],
  )
  return Object.fromEntries(rows.map((row) => [row.id, row.n]))
}

test('counts kept by the triggers are left alone', async () => {
  const before = await keptSeats()
  expect(before).toEqual(await countedSeats())
  expect(await repairSeatCounts(db)).toEqual([])
  expect(await keptSeats()).toEqual(before)
})

/** What a restore with --disable-triggers or a replica session does: members change type, no count follows. */
async function moveBypassingTriggers(usernames: string[], userTypeId: string) {
  await db.transaction(async (tx) => {
    await tx.query('set local session_replication_role = replica')
    await tx.query('update users set user_type_id = $3 where org_id = $1 and username = any($2)', [orgId, usernames, userTypeId])
  })
}

test('a change that bypassed the triggers is found and corrected, and the triggers count on from there', async () => {
  await moveBypassingTriggers(['user', 'publisher'], 'viewerUT')
  const counted = await countedSeats()
  const stale = await keptSeats()
  expect(stale.viewerUT).toBe(counted.viewerUT - 2)

  const corrected = await repairSeatCounts(db)
  expect(corrected.map((m) => m.id).sort()).toEqual(['creatorUT', 'viewerUT'])
  expect(corrected.find((m) => m.id === 'viewerUT')).toMatchObject({ orgId, kept: stale.viewerUT, counted: counted.viewerUT })
  expect(await keptSeats()).toEqual(counted)

  await db.query(`update users set user_type_id = 'creatorUT' where org_id = $1 and username = 'user'`, [orgId])
  expect(await keptSeats()).toEqual(await countedSeats())
  expect(await repairSeatCounts(db)).toEqual([])
})

// PGlite runs one transaction at a time: only PostgreSQL can interleave the two.
test.runIf(Boolean(process.env.TEST_DATABASE_URL))(
  'a change of type in flight while the counts are corrected: no deadlock, and its move is counted once',
  async () => {
    await moveBypassingTriggers(['user'], 'viewerUT')
    let typesLocked!: () => void
    const locked = new Promise<void>((resolve) => {
      typesLocked = resolve
    })
    // As the API changes a type: the types' rows first (lockSeatsOf), then the member. Holding a table lock on
    // users, the correction would wait for these rows while this waits for users: a deadlock.
    const writer = db.transaction(async (tx) => {
      await lockSeatRows(tx, [{ orgId, id: 'viewerUT' }, { orgId, id: 'creatorUT' }])
      typesLocked()
      await new Promise((resolve) => setTimeout(resolve, 300))
      await tx.query(`update users set user_type_id = 'viewerUT' where org_id = $1 and username = 'publisher'`, [orgId])
    })
    await locked
    const corrected = await repairSeatCounts(db)
    await writer
    expect(corrected.map((m) => m.id).sort()).toEqual(['creatorUT', 'viewerUT'])
    expect(await keptSeats()).toEqual(await countedSeats())
  },
)
