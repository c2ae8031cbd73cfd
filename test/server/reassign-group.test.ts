import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createRole, insertGroup } from '../../server/seed/org.ts'
import type { Db } from '../../server/db/connection.ts'
import { interceptQueries, startTestServer, type TestServer } from './harness.ts'
import { addMember, addOtherOrgMember, expectError, lastAudit, orgTotals } from './reassign-helpers.ts'

let server: TestServer
let adminToken: string
beforeAll(async () => {
  server = await startTestServer()
  adminToken = await server.tokenFor('admin')
})
afterAll(() => server?.close())

const reassignGroup = (groupId: string, params: Record<string, string>, token: string | undefined = adminToken) =>
  server.call(`community/groups/${groupId}/reassign`, params, { method: 'POST', token })

const ownerOf = async (groupId: string) =>
  (await server.db.query<{ owner_id: string }>('select owner_id from groups where id = $1', [groupId]))[0]?.owner_id

const members = (groupId: string) =>
  server.db.query<{ username: string; member_type: string }>(
    'select u.username, m.member_type from group_members m join users u on u.id = m.user_id where m.group_id = $1 order by u.username',
    [groupId],
  )

describe('community/groups/{id}/reassign', () => {
  test('the receiver becomes owner and owner member; the previous owner stays as an admin member', async () => {
    const { groupId, ids, orgId } = server.org
    const totals = await orgTotals(server.db, orgId)
    expect(await reassignGroup(groupId, { targetUsername: 'User' })).toEqual({ success: true, groupId })
    expect(await ownerOf(groupId)).toBe(ids.user)
    expect(await members(groupId)).toEqual([
      { username: 'owner', member_type: 'admin' },
      { username: 'user', member_type: 'owner' },
    ])
    expect(await orgTotals(server.db, orgId)).toEqual(totals)
    expect(await lastAudit(server.db, 'reassignGroup', 'owner')).toMatchObject({
      actor: 'admin',
      outcome: 'success',
      before: { groupId, owner: 'owner' },
      after: { groupId, owner: 'user', groups: 1 },
    })
  })

  test('a receiver who was already a member is promoted, not added twice', async () => {
    const from = await addMember(server, 'gfrom')
    const to = await addMember(server, 'gto')
    const groupId = await insertGroup(server.db, server.org.orgId, from, 'Shared group')
    await server.db.query("insert into group_members (group_id, user_id, member_type, joined) values ($1, $2, 'member', 0)", [groupId, to])
    expect(await reassignGroup(groupId, { targetUsername: 'gto' })).toEqual({ success: true, groupId })
    expect(await members(groupId)).toEqual([
      { username: 'gfrom', member_type: 'admin' },
      { username: 'gto', member_type: 'owner' },
    ])
  })

  test('rule 9, bad input and an unknown group: the group keeps its owner', async () => {
    const from = await addMember(server, 'gkeeper')
    const groupId = await insertGroup(server.db, server.org.orgId, from, 'Kept group')
    await addOtherOrgMember(server.db, 'foreign-g')
    const cases: Array<[Record<string, string>, string]> = [
      [{ targetUsername: 'disabled' }, 'REASSIGN_TARGET_DISABLED'],
      [{ targetUsername: 'viewer' }, 'REASSIGN_TARGET_CANNOT_OWN'],
      [{ targetUsername: 'editor' }, 'REASSIGN_TARGET_CANNOT_OWN'],
      [{ targetUsername: 'foreign-g' }, 'REASSIGN_TARGET_NOT_FOUND'],
      [{ targetUsername: 'nobody' }, 'REASSIGN_TARGET_NOT_FOUND'],
      [{ targetUsername: 'gkeeper' }, 'REASSIGN_TARGET_IS_SOURCE'],
      [{}, 'MISSING_PARAMETER'],
    ]
    for (const [params, messageCode] of cases) expectError(await reassignGroup(groupId, params), 400, messageCode)
    expectError(await reassignGroup('0'.repeat(32), { targetUsername: 'user' }), 404, 'GROUP_NOT_FOUND')
    expect(await ownerOf(groupId)).toBe(from)
    expect(await members(groupId)).toEqual([{ username: 'gkeeper', member_type: 'owner' }])
  })

  test('privileges: reassignGroups alone is enough; reassignItems alone, publisher, anonymous are refused', async () => {
    const from = await addMember(server, 'gpriv')
    const groupId = await insertGroup(server.db, server.org.orgId, from, 'Priv group')
    const itemsOnly = await createRole(server.db, server.org.orgId, { name: 'Items only', privileges: ['portal:admin:reassignItems'], baseRole: 'org_admin' })
    const groupsOnly = await createRole(server.db, server.org.orgId, { name: 'Groups only', privileges: ['portal:admin:reassignGroups'], baseRole: 'org_admin' })
    await addMember(server, 'gitems', { role: 'org_admin', roleId: itemsOnly })
    await addMember(server, 'ggroups', { role: 'org_admin', roleId: groupsOnly })
    expectError(await reassignGroup(groupId, { targetUsername: 'user' }, await server.tokenFor('gitems')), 403, 'GWM_0003')
    expectError(await reassignGroup(groupId, { targetUsername: 'user' }, await server.tokenFor('gpriv')), 403, 'GWM_0003')
    expectError(await reassignGroup(groupId, { targetUsername: 'user' }, ''), 499, 'GWM_0002')
    expect(await ownerOf(groupId)).toBe(from)
    expect(await reassignGroup(groupId, { targetUsername: 'user' }, await server.tokenFor('ggroups'))).toEqual({ success: true, groupId })
  })
})

/**
 * The route reads the group's owner without a lock (to know which members to
 * lock, in the same order as every other move), then locks the group and
 * checks its owner again. Here another administrator's move lands exactly in
 * between: the request is refused (409), and neither move is undone.
 */
describe('a group whose owner changes between the read and the lock', () => {
  let raced: TestServer
  let betweenReadAndLock: (() => Promise<unknown>) | null = null
  const afterOwnerRead = (db: Db): Db =>
    interceptQueries(db, async (sql, params, run) => {
      const rows = await run(sql, params)
      const landNow = betweenReadAndLock
      if (landNow && sql.includes('as owner from groups')) {
        betweenReadAndLock = null
        await landNow()
      }
      return rows
    })
  beforeAll(async () => {
    raced = await startTestServer({}, { wrapDb: afterOwnerRead })
  })
  afterAll(() => raced?.close())

  test('409 CONCURRENT_CHANGE; the group stays with whoever the other move gave it to; the refusal is audited', async () => {
    const { orgId, ids } = raced.org
    const groupId = await insertGroup(raced.db, orgId, ids.owner!, 'Contested group')
    const totals = await orgTotals(raced.db, orgId)
    betweenReadAndLock = () => raced.db.query('update groups set owner_id = $1 where id = $2', [ids.publisher, groupId])
    const answer = await raced.call(`community/groups/${groupId}/reassign`, { targetUsername: 'user' }, { method: 'POST', token: await raced.tokenFor('admin') })
    expectError(answer, 409, 'CONCURRENT_CHANGE')
    expect(betweenReadAndLock).toBeNull()
    const [group] = await raced.db.query<{ owner_id: string }>('select owner_id from groups where id = $1', [groupId])
    expect(group!.owner_id).toBe(ids.publisher)
    expect(await orgTotals(raced.db, orgId)).toEqual(totals)
    expect(await lastAudit(raced.db, 'reassignGroup', 'owner')).toMatchObject({ actor: 'admin', outcome: 'failure', message_code: 'CONCURRENT_CHANGE' })
  })
})
