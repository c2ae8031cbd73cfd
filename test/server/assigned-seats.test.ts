import { afterEach, beforeEach, expect, test } from 'vitest'
import type { Queryable } from '../../server/db/connection.ts'
import { startTestServer, type TestServer } from './harness.ts'
import { addMember, post } from './write-helpers.ts'

/**
 * The seats each user type has taken are kept by the database
 * (server/db/migrations/007_assigned_seats.sql), not counted on each read:
 * whatever changes members, in whichever way, they stay the true counts, and
 * a search over the whole organization totals them.
 */

let server: TestServer
let admin: string
beforeEach(async () => {
  server = await startTestServer()
  admin = await server.tokenFor('admin')
})
afterEach(() => server?.close())

/** The members of each type, counted. */
async function counted(): Promise<Record<string, number>> {
  const rows = await server.db.query<{ id: string; n: number }>(
    'select t.id, (select count(*)::int from users u where u.org_id = t.org_id and u.user_type_id = t.id) as n from user_types t where t.org_id = $1',
    [server.org.orgId],
  )
  return Object.fromEntries(rows.map((row) => [row.id, row.n]))
}

/** What portals/self/userLicenseTypes answers, per type. */
async function answered(): Promise<Record<string, number>> {
  const answer = await server.call('portals/self/userLicenseTypes', { num: 100 }, { token: admin })
  return Object.fromEntries(answer.userLicenseTypes.map((type: { id: string; assignedUsers: number }) => [type.id, type.assignedUsers]))
}

async function expectTrueCounts() {
  const truth = await counted()
  expect(await answered()).toEqual(truth)
  const whole = await server.call('portals/self/users/search', { num: 1 }, { token: admin })
  expect(whole.total).toBe(Object.values(truth).reduce((sum, n) => sum + n, 0))
}

test('members added, moved by the API and deleted: the seats stay the true counts', async () => {
  const before = await answered()
  expect(before.creatorUT).toBeGreaterThan(0)
  await expectTrueCounts()

  await addMember(server, { username: 'newcomer', userTypeId: 'viewerUT' })
  expect((await answered()).viewerUT).toBe(before.viewerUT! + 1)
  await expectTrueCounts()

  const moved = await post(server, 'portals/self/updateUserLicenseType', { users: 'newcomer', userLicenseType: 'creatorUT' }, admin)
  expect(moved.results[0].status).toBe('success')
  const after = await answered()
  expect([after.viewerUT, after.creatorUT]).toEqual([before.viewerUT, before.creatorUT! + 1])
  await expectTrueCounts()

  const removed = await post(server, 'community/users/newcomer/delete', {}, admin)
  expect(removed.success).toBe(true)
  expect(await answered()).toEqual(before)
  await expectTrueCounts()
})

/** Inserts members `<prefix>1`…`<prefix>n` in one statement, every second one a viewer, the others creators. */
const insertMembers = (db: Queryable, prefix: string, n: number, viewersOnly = false) =>
  db.query(
    `insert into users (id, org_id, username, role, user_type_id, created, modified,
                        username_key, full_name_key, first_name_key, last_name_key, email_key, search_key)
     select $2 || g, $1, $2 || g, 'org_user', case when $4 or g % 2 = 0 then 'viewerUT' else 'creatorUT' end, 0, 0,
            ' ' || $2 || g, '', '', '', '', ' ' || $2 || g
       from generate_series(1, $3::int) g`,
    [server.org.orgId, prefix, n, viewersOnly],
  )

test('any SQL that changes members keeps them too: a bulk move, a bulk insert, a bulk delete', async () => {
  await server.db.query("update users set user_type_id = 'viewerUT' where org_id = $1 and user_type_id = 'creatorUT' and username not like 'admin%'", [server.org.orgId])
  await expectTrueCounts()
  await insertMembers(server.db, 'bulk', 40)
  await expectTrueCounts()
  await server.db.query("delete from users where username like 'bulk%' and user_type_id = 'viewerUT'")
  await expectTrueCounts()
  // An update that moves no one (a sign-in) changes nothing.
  await server.db.query('update users set last_login = $1 where org_id = $2', [Date.now(), server.org.orgId])
  await expectTrueCounts()
})

test('members moving between two types in opposite directions at once: both moves land, the seats stay true', async () => {
  const manager = await server.tokenFor('manager')
  await server.db.query("update users set user_type_id = 'viewerUT' where username = 'viewer'")
  await server.db.query("update users set user_type_id = 'creatorUT', role_id = null where username = 'user'")
  for (let round = 0; round < 4; round++) {
    const [toCreator, toViewer] = round % 2 ? ['user', 'viewer'] : ['viewer', 'user']
    const answers = await Promise.all([
      post(server, 'portals/self/updateUserLicenseType', { users: toCreator, userLicenseType: 'creatorUT', role: 'org_user' }, admin),
      post(server, 'portals/self/updateUserLicenseType', { users: toViewer, userLicenseType: 'viewerUT', role: 'iAAAAAAAAAAAAAAA' }, manager),
    ])
    expect(answers.map((answer) => answer.results?.[0]?.status ?? answer.error?.message)).toEqual(['success', 'success'])
    await expectTrueCounts()
  }
})

// PGlite runs one transaction at a time: only PostgreSQL can interleave these two.
test.runIf(Boolean(process.env.TEST_DATABASE_URL))(
  'two transactions adding members of one type at once, each past its foreign key check: both commit, no deadlock',
  async () => {
    const before = (await answered()).viewerUT!
    let arrived = 0
    let bothChecked!: () => void
    const checked = new Promise<void>((resolve) => {
      bothChecked = resolve
    })
    const addOne = (prefix: string) =>
      server.db.transaction(async (tx) => {
        // The lock an insert's foreign key check takes on its type's row, held here by both before either
        // insert's seat trigger runs, as two concurrent inserts can.
        await tx.query("select 1 from user_types where org_id = $1 and id = 'viewerUT' for key share", [server.org.orgId])
        if (++arrived === 2) bothChecked()
        await checked
        await insertMembers(tx, prefix, 1, true)
      })
    await Promise.all([addOne('racer-a'), addOne('racer-b')])
    expect((await answered()).viewerUT).toBe(before + 2)
    await expectTrueCounts()
  },
)
