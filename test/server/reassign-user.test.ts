import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createRole, insertFolder, insertItem } from '../../server/seed/org.ts'
import { startTestServer, type TestServer } from './harness.ts'
import { addContent, addMember, addOtherOrgMember, expectError, lastAudit, memberExists, orgTotals, ownedBy } from './reassign-helpers.ts'

let server: TestServer
let adminToken: string
beforeAll(async () => {
  server = await startTestServer()
  adminToken = await server.tokenFor('admin')
})
afterAll(() => server?.close())

const reassign = (username: string, targetUsername: string | undefined, token: string | undefined = adminToken) =>
  server.call(`community/users/${encodeURIComponent(username)}/reassign`, targetUsername === undefined ? {} : { targetUsername }, { method: 'POST', token })

const groupMembers = (groupId: string) =>
  server.db.query<{ username: string; member_type: string }>(
    'select u.username, m.member_type from group_members m join users u on u.id = m.user_id where m.group_id = $1 order by u.username',
    [groupId],
  )

describe('community/users/{u}/reassign', () => {
  test("storage use follows the items: the giver's goes down by their size, the receiver's up", async () => {
    const giver = await addMember(server, 'storagegiver', { role: 'org_publisher', userTypeId: 'creatorUT', storageUsage: 5_000 })
    await addMember(server, 'storagereceiver', { role: 'org_publisher', userTypeId: 'creatorUT', storageUsage: 700 })
    await insertItem(server.db, giver, { title: 'big', size: 3_000 })
    await insertItem(server.db, giver, { title: 'small', size: 1_500, folderId: await insertFolder(server.db, giver, 'Maps') })
    expect(await reassign('storagegiver', 'storagereceiver')).toEqual({ success: true })
    const usage = async (username: string) => (await server.call(`community/users/${username}`, {}, { token: adminToken })).storageUsage
    expect(await usage('storagegiver')).toBe(500)
    expect(await usage('storagereceiver')).toBe(5_200)
  })

  test('moves everything of the fixture owner into owner_root and owner_Maps, gives the group, then the owner can be deleted', async () => {
    const { ids, orgId, groupId } = server.org
    const totals = await orgTotals(server.db, orgId)
    const before = await ownedBy(server.db, ids.publisher!)
    expect(await reassign('owner', 'publisher')).toEqual({ success: true })

    expect(await ownedBy(server.db, ids.owner!)).toEqual({ items: {}, itemCount: 0, groups: [], folders: [] })
    const after = await ownedBy(server.db, ids.publisher!)
    expect(after.items).toEqual({ ...before.items, owner_root: 2, owner_Maps: 1 })
    expect(after.folders).toEqual([...before.folders, 'owner_Maps', 'owner_root'].sort())
    expect(after.groups).toEqual([groupId])
    // The receiver is the group's owner member; the previous owner stays as an admin member.
    expect(await groupMembers(groupId)).toEqual([
      { username: 'owner', member_type: 'admin' },
      { username: 'publisher', member_type: 'owner' },
    ])
    expect(await orgTotals(server.db, orgId)).toEqual(totals)

    // The same, as the console reads it: the receiver's content and groups, the source's emptiness.
    const get = (path: string, params: Record<string, string> = {}) => server.call(path, params, { token: adminToken })
    const root = await get('content/users/publisher')
    expect(root.folders.map((f: any) => f.title).sort()).toEqual(['owner_Maps', 'owner_root'])
    const titlesIn = async (title: string) => {
      const folder = root.folders.find((f: any) => f.title === title)
      return (await get(`content/users/publisher/${folder.id}`)).items.map((i: any) => [i.title, i.owner]).sort()
    }
    expect(await titlesIn('owner_root')).toEqual([['Root layer', 'publisher'], ['Root map', 'publisher']])
    expect(await titlesIn('owner_Maps')).toEqual([['City map', 'publisher']])
    expect(await get('content/users/owner')).toMatchObject({ total: 0, items: [], folders: [] })
    expect((await get('community/groups', { q: 'owner:publisher' })).results.map((g: any) => g.id)).toEqual([groupId])
    expect((await get('community/groups', { q: 'owner:owner' })).results).toEqual([])

    expect(await lastAudit(server.db, 'reassign', 'owner')).toMatchObject({
      actor: 'admin',
      outcome: 'success',
      after: { owner: 'publisher', items: 3, groups: 1, folders: { owner_root: 2, owner_Maps: 1 } },
    })

    expect(await server.call('community/users/owner/delete', {}, { method: 'POST', token: adminToken })).toEqual({ success: true, username: 'owner' })
    expect(await orgTotals(server.db, orgId)).toEqual(totals)
    // Deleting the previous owner removed only their membership; the group lives on.
    expect(await groupMembers(groupId)).toEqual([{ username: 'publisher', member_type: 'owner' }])
  })

  test('an existing folder of the same name at the target is used, empty source folders are kept, nothing else moves', async () => {
    const source = await addMember(server, 'Mover')
    const target = await addMember(server, 'receiver')
    await addContent(server.db, server.org.orgId, source, { root: 2, folders: { Data: 3 }, groups: 2 })
    await insertFolder(server.db, source, 'Empty')
    const existing = await insertFolder(server.db, target, 'Mover_root')
    await insertItem(server.db, target, { title: 'already there', folderId: existing })
    await addContent(server.db, server.org.orgId, target, { root: 1 })
    const totals = await orgTotals(server.db, server.org.orgId)

    expect(await reassign('MOVER', 'Receiver')).toEqual({ success: true })
    const got = await ownedBy(server.db, target)
    expect(got.items).toEqual({ '': 1, Mover_root: 3, Mover_Data: 3 })
    expect(got.folders).toEqual(['Mover_Data', 'Mover_Empty', 'Mover_root'])
    expect(got.groups).toHaveLength(2)
    expect(await server.db.query('select 1 from folders where owner_id = $1 and title = $2', [target, 'Mover_root'])).toHaveLength(1)
    expect(await orgTotals(server.db, server.org.orgId)).toEqual(totals)
  })

  test('a member who owns nothing: success, and nothing is created at the target', async () => {
    await addMember(server, 'empty1')
    const target = await addMember(server, 'empty-target')
    expect(await reassign('empty1', 'empty-target')).toEqual({ success: true })
    expect(await ownedBy(server.db, target)).toEqual({ items: {}, itemCount: 0, groups: [], folders: [] })
  })

  test('rule 9: disabled, Viewer-type, Contributor-type, other-organization, unknown and self targets are refused, and nothing moves', async () => {
    const source = await addMember(server, 'stayer')
    await addContent(server.db, server.org.orgId, source, { root: 1, folders: { Keep: 2 }, groups: 1 })
    await addOtherOrgMember(server.db, 'stranger')
    const before = await ownedBy(server.db, source)
    const totals = await orgTotals(server.db, server.org.orgId)
    const cases: Array<[string | undefined, number, string]> = [
      ['disabled', 400, 'REASSIGN_TARGET_DISABLED'],
      ['viewer', 400, 'REASSIGN_TARGET_CANNOT_OWN'],
      ['editor', 400, 'REASSIGN_TARGET_CANNOT_OWN'],
      ['stranger', 400, 'REASSIGN_TARGET_NOT_FOUND'],
      ['nobody', 400, 'REASSIGN_TARGET_NOT_FOUND'],
      ['STAYER', 400, 'REASSIGN_TARGET_IS_SOURCE'],
      [undefined, 400, 'MISSING_PARAMETER'],
    ]
    for (const [target, code, messageCode] of cases) {
      const body = await reassign('stayer', target)
      expectError(body, code, messageCode)
      if (target) expect(body.error.message.length).toBeGreaterThan(20)
    }
    expect(await ownedBy(server.db, source)).toEqual(before)
    expect(await orgTotals(server.db, server.org.orgId)).toEqual(totals)
    for (const name of ['viewer', 'editor', 'disabled']) expect((await ownedBy(server.db, server.org.ids[name]!)).folders, name).toEqual([])
    expect(await lastAudit(server.db, 'reassign', 'stayer')).toMatchObject({ outcome: 'failure', message_code: 'MISSING_PARAMETER' })
  })

  test('unknown source member', async () => {
    expectError(await reassign('ghost', 'publisher'), 400, 'COM_0019')
  })

  test('privileges: reassignUsers gates it; a role with only reassignItems cannot; publisher, anonymous cannot', async () => {
    const source = await addMember(server, 'gated')
    await addContent(server.db, server.org.orgId, source, { root: 1 })
    const itemsOnly = await createRole(server.db, server.org.orgId, {
      name: 'Item mover',
      privileges: ['portal:admin:viewUsers', 'portal:admin:reassignItems'],
      baseRole: 'org_admin',
    })
    await addMember(server, 'itemmover', { role: 'org_admin', roleId: itemsOnly })
    expectError(await reassign('gated', 'publisher', await server.tokenFor('itemmover')), 403, 'GWM_0003')
    expectError(await reassign('gated', 'publisher', await server.tokenFor('publisher')), 403, 'GWM_0003')
    expectError(await reassign('gated', 'publisher', ''), 499, 'GWM_0002')
    expect((await ownedBy(server.db, source)).itemCount).toBe(1)
    // Member Manager holds reassignUsers (everything but deleteUsers).
    expect(await reassign('gated', 'publisher', await server.tokenFor('manager'))).toEqual({ success: true })
    expect(await memberExists(server.db, source)).toBe(true)
  })
})
