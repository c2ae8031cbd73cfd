import { ArcGISIdentityManager, ArcGISRequestError, request } from '@esri/arcgis-rest-request'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { startTestServer, type TestServer } from './harness.ts'
import { addMember, memberExists, ownedBy } from './reassign-helpers.ts'

// The ArcGIS-documented delete and reassign calls, sent by Esri's own client
// exactly as an application would send them.
let server: TestServer
let session: ArcGISIdentityManager
beforeAll(async () => {
  server = await startTestServer()
  session = await ArcGISIdentityManager.fromToken({ token: await server.tokenFor('admin'), portal: server.restUrl })
})
afterAll(() => server?.close())

const post = (path: string, params: Record<string, unknown> = {}) =>
  request(`${server.restUrl}/${path}`, { httpMethod: 'POST', authentication: session, params })

test('fromToken signs in as the administrator', async () => {
  expect(session.username).toBe('admin')
})

test('item reassign, with a target folder', async () => {
  const [rootMap] = server.org.items
  expect(await post(`content/users/owner/items/${rootMap}/reassign`, { targetUsername: 'publisher', targetFolderName: 'From owner' })).toEqual({
    success: true,
    itemId: rootMap,
  })
  expect((await ownedBy(server.db, server.org.ids.publisher!)).items).toEqual({ 'From owner': 1 })
})

test('group reassign', async () => {
  const { groupId } = server.org
  expect(await post(`community/groups/${groupId}/reassign`, { targetUsername: 'publisher' })).toEqual({ success: true, groupId })
  expect((await ownedBy(server.db, server.org.ids.publisher!)).groups).toEqual([groupId])
})

test('delete refused while the member owns content: the client raises the ArcGIS error', async () => {
  const error = await post('community/users/owner/delete').catch((e: unknown) => e)
  expect(error).toBeInstanceOf(ArcGISRequestError)
  // REST JS reports the messageCode as the error's code when there is one.
  expect((error as ArcGISRequestError).code).toBe('USER_OWNS_CONTENT')
  expect((error as ArcGISRequestError).message).toMatch(/^USER_OWNS_CONTENT: owner owns 2 items\. Move them/)
  expect((error as ArcGISRequestError).response.error).toMatchObject({ code: 400, details: ['2 items'] })
})

test('move everything, then delete, then removeUsers with a users array', async () => {
  expect(await post('community/users/owner/reassign', { targetUsername: 'publisher' })).toEqual({ success: true })
  expect(await post('community/users/owner/delete')).toEqual({ success: true, username: 'owner' })
  expect(await memberExists(server.db, server.org.ids.owner!)).toBe(false)
  await addMember(server, 'bulk1')
  await addMember(server, 'bulk2')
  // REST JS sends arrays comma-joined.
  expect(await post('portals/self/removeUsers', { users: ['bulk1', 'bulk2', 'ghost'] })).toMatchObject({
    notRemoved: ['ghost'],
    results: [
      { username: 'bulk1', status: 'success' },
      { username: 'bulk2', status: 'success' },
      { username: 'ghost', status: 'failure', error: { messageCode: 'COM_0019' } },
    ],
  })
})
