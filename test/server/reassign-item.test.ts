import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createRole, insertFolder, insertItem } from '../../server/seed/org.ts'
import { startTestServer, type TestServer } from './harness.ts'
import { addMember, addOtherOrgMember, expectError, lastAudit, orgTotals, ownedBy } from './reassign-helpers.ts'

let server: TestServer
let adminToken: string
beforeAll(async () => {
  server = await startTestServer()
  adminToken = await server.tokenFor('admin')
})
afterAll(() => server?.close())

const reassignItem = (owner: string, itemId: string, params: Record<string, string>, token: string | undefined = adminToken, folderId?: string) =>
  server.call(`content/users/${encodeURIComponent(owner)}/${folderId ? `${folderId}/` : ''}items/${itemId}/reassign`, params, { method: 'POST', token })

const itemRow = async (itemId: string) =>
  (
    await server.db.query<{ owner_id: string; folder: string | null }>(
      'select i.owner_id, f.title as folder from items i left join folders f on f.id = i.folder_id where i.id = $1',
      [itemId],
    )
  )[0]

describe('content/users/{u}/items/{id}/reassign', () => {
  test("the item's size moves from the giver's storage use to the receiver's", async () => {
    const giver = await addMember(server, 'itemgiver', { role: 'org_publisher', userTypeId: 'creatorUT', storageUsage: 4_000 })
    await addMember(server, 'itemreceiver', { role: 'org_publisher', userTypeId: 'creatorUT', storageUsage: 0 })
    const item = await insertItem(server.db, giver, { title: 'sized', size: 2_500 })
    expect(await reassignItem('itemgiver', item, { targetUsername: 'itemreceiver' })).toEqual({ success: true, itemId: item })
    const usage = async (username: string) => (await server.call(`community/users/${username}`, {}, { token: adminToken })).storageUsage
    expect(await usage('itemgiver')).toBe(1_500)
    expect(await usage('itemreceiver')).toBe(2_500)
  })

  test("moves a root item to the target's root folder", async () => {
    const [rootMap] = server.org.items
    const totals = await orgTotals(server.db, server.org.orgId)
    expect(await reassignItem('owner', rootMap!, { targetUsername: 'publisher' })).toEqual({ success: true, itemId: rootMap })
    expect(await itemRow(rootMap!)).toEqual({ owner_id: server.org.ids.publisher, folder: null })
    expect(await orgTotals(server.db, server.org.orgId)).toEqual(totals)
    expect(await lastAudit(server.db, 'reassignItem', 'owner')).toMatchObject({
      outcome: 'success',
      before: { itemId: rootMap, owner: 'owner', folder: null },
      after: { itemId: rootMap, owner: 'publisher', folder: null, items: 1 },
    })
  })

  test('targetFolderName creates the folder once, then reuses it; the folder path form works', async () => {
    const source = await addMember(server, 'itemsource')
    const target = await addMember(server, 'itemtarget')
    const srcFolder = await insertFolder(server.db, source, 'Src')
    const one = await insertItem(server.db, source, { title: 'one', folderId: srcFolder })
    const two = await insertItem(server.db, source, { title: 'two' })
    expect(await reassignItem('ItemSource', one, { targetUsername: 'ITEMTARGET', targetFolderName: ' Inbox ' }, adminToken, srcFolder)).toEqual({
      success: true,
      itemId: one,
    })
    expect(await reassignItem('itemsource', two, { targetUsername: 'itemtarget', targetFolderName: 'Inbox' })).toEqual({ success: true, itemId: two })
    expect(await ownedBy(server.db, target)).toMatchObject({ items: { Inbox: 2 }, folders: ['Inbox'] })
    // The source keeps its (now empty) folder: moving one item is not moving the member.
    expect(await ownedBy(server.db, source)).toMatchObject({ itemCount: 0, folders: ['Src'] })
    expect(await lastAudit(server.db, 'reassignItem', 'itemsource')).toMatchObject({ after: { folder: 'Inbox', folderCreated: false } })
  })

  test('an item not owned by the member in the path, in another folder, or unknown is not found; nothing moves', async () => {
    const cityMap = server.org.items[2]!
    expectError(await reassignItem('publisher', cityMap, { targetUsername: 'user' }), 404, 'CONT_0001')
    expectError(await reassignItem('owner', cityMap, { targetUsername: 'user' }, adminToken, 'ffffffffffffffffffffffffffffffff'), 404, 'CONT_0001')
    expectError(await reassignItem('owner', '0'.repeat(32), { targetUsername: 'user' }), 404, 'CONT_0001')
    expectError(await reassignItem('ghost', cityMap, { targetUsername: 'user' }), 400, 'COM_0019')
    expect(await itemRow(cityMap)).toEqual({ owner_id: server.org.ids.owner, folder: 'Maps' })
  })

  test('rule 9 and bad input: the item stays where it is', async () => {
    const cityMap = server.org.items[2]!
    await addOtherOrgMember(server.db, 'foreigner')
    const cases: Array<[Record<string, string>, string]> = [
      [{ targetUsername: 'disabled' }, 'REASSIGN_TARGET_DISABLED'],
      [{ targetUsername: 'viewer' }, 'REASSIGN_TARGET_CANNOT_OWN'],
      [{ targetUsername: 'foreigner' }, 'REASSIGN_TARGET_NOT_FOUND'],
      [{ targetUsername: 'nobody' }, 'REASSIGN_TARGET_NOT_FOUND'],
      [{ targetUsername: 'owner' }, 'REASSIGN_TARGET_IS_SOURCE'],
      [{}, 'MISSING_PARAMETER'],
      [{ targetUsername: 'user', targetFolderName: 'x'.repeat(256) }, 'INVALID_FOLDER_NAME'],
    ]
    for (const [params, messageCode] of cases) expectError(await reassignItem('owner', cityMap, params), 400, messageCode)
    expect(await itemRow(cityMap)).toEqual({ owner_id: server.org.ids.owner, folder: 'Maps' })
    expect((await ownedBy(server.db, server.org.ids.user!)).folders).toEqual([])
  })

  test('privileges: reassignItems alone is enough; Member Manager may; publisher (even the owner) and anonymous may not', async () => {
    const owner = await addMember(server, 'selfowner', { role: 'org_publisher' })
    const item = await insertItem(server.db, owner, { title: 'mine' })
    expectError(await reassignItem('selfowner', item, { targetUsername: 'user' }, await server.tokenFor('selfowner')), 403, 'GWM_0003')
    expectError(await reassignItem('selfowner', item, { targetUsername: 'user' }, await server.tokenFor('publisher')), 403, 'GWM_0003')
    expectError(await reassignItem('selfowner', item, { targetUsername: 'user' }, ''), 499, 'GWM_0002')
    const groupsOnly = await createRole(server.db, server.org.orgId, { name: 'Group mover', privileges: ['portal:admin:reassignGroups'], baseRole: 'org_admin' })
    await addMember(server, 'groupmover', { role: 'org_admin', roleId: groupsOnly })
    expectError(await reassignItem('selfowner', item, { targetUsername: 'user' }, await server.tokenFor('groupmover')), 403, 'GWM_0003')
    expect((await itemRow(item))!.owner_id).toBe(owner)

    const itemsOnly = await createRole(server.db, server.org.orgId, { name: 'Only items', privileges: ['portal:admin:reassignItems'], baseRole: 'org_admin' })
    await addMember(server, 'onlyitems', { role: 'org_admin', roleId: itemsOnly })
    expect(await reassignItem('selfowner', item, { targetUsername: 'user' }, await server.tokenFor('onlyitems'))).toEqual({ success: true, itemId: item })
    expect(await reassignItem('user', item, { targetUsername: 'selfowner' }, await server.tokenFor('manager'))).toEqual({ success: true, itemId: item })
    expect((await itemRow(item))!.owner_id).toBe(owner)
  })
})
