import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { insertGroup } from '../../server/seed/org.ts'
import { startTestServer, type TestServer } from './harness.ts'

let server: TestServer
let adminToken: string
let ownerToken: string
let userToken: string
let privateGroupId: string
beforeAll(async () => {
  server = await startTestServer()
  adminToken = await server.tokenFor('admin')
  ownerToken = await server.tokenFor('owner')
  userToken = await server.tokenFor('user')
  privateGroupId = await insertGroup(server.db, server.org.orgId, server.org.ids.owner, 'A private group')
  await server.db.query("update groups set access = 'private' where id = $1", [privateGroupId])
})
afterAll(() => server?.close())

const content = (path: string, params: Record<string, string | number> = {}, token = adminToken, method: 'GET' | 'POST' = 'GET') =>
  server.call(`content/users/${path}`, params, { token, method })

describe('content/users/{username}', () => {
  test('the root: items outside folders, every folder, no current folder', async () => {
    const body = await content('owner', {}, ownerToken)
    expect(body).toMatchObject({ username: 'owner', total: 2, start: 1, num: 10, nextStart: -1, currentFolder: null })
    expect(body.items.map((i: any) => i.title).sort()).toEqual(['Root layer', 'Root map'])
    expect(body.items[0]).toMatchObject({ owner: 'owner', ownerFolder: null })
    expect(body.folders).toEqual([{ username: 'owner', id: server.org.mapsFolder, title: 'Maps', created: expect.any(Number) }])
  })

  test('a folder: its items and itself as currentFolder', async () => {
    const body = await content(`owner/${server.org.mapsFolder}`, {}, ownerToken)
    expect(body).toMatchObject({ username: 'owner', total: 1, currentFolder: { id: server.org.mapsFolder, title: 'Maps', username: 'owner' } })
    expect(body.items).toEqual([expect.objectContaining({ title: 'City map', ownerFolder: server.org.mapsFolder, type: 'Web Map' })])
    expect(body.folders).toEqual([])
  })

  test('pages', async () => {
    const first = await content('owner', { num: 1 })
    expect(first).toMatchObject({ total: 2, num: 1, nextStart: 2 })
    const second = await content('owner', { num: 1, start: 2 }, adminToken, 'POST')
    expect(second).toMatchObject({ total: 2, start: 2, nextStart: -1 })
    expect(second.items[0].id).not.toBe(first.items[0].id)
  })

  test('another member’s content needs portal:admin:viewItems', async () => {
    expect((await content('owner', {}, userToken)).error).toMatchObject({ code: 403, messageCode: 'GWM_0003' })
    // Without it, a username that does not exist gets the same answer: nobody can probe for usernames.
    expect((await content('nobody', {}, userToken)).error).toMatchObject({ code: 403, messageCode: 'GWM_0003' })
    expect((await content(`nobody/${'0'.repeat(32)}`, {}, userToken)).error).toMatchObject({ code: 403, messageCode: 'GWM_0003' })
    expect((await content('USER', {}, userToken)).total).toBe(0)
    expect((await content('owner', {}, await server.tokenFor('manager'))).total).toBe(2)
    expect((await content('user', {}, userToken)).total).toBe(0)
  })

  test('errors: unknown member, unknown folder, another member’s folder, no token', async () => {
    expect((await content('nobody')).error).toMatchObject({ code: 400, messageCode: 'COM_0019' })
    expect((await content(`owner/${'0'.repeat(32)}`)).error).toMatchObject({ code: 404, messageCode: 'FOLDER_NOT_FOUND' })
    expect((await content(`user/${server.org.mapsFolder}`)).error).toMatchObject({ code: 404, messageCode: 'FOLDER_NOT_FOUND' })
    expect((await server.call('content/users/owner')).error).toMatchObject({ code: 499 })
  })
})

describe('community/groups', () => {
  const groups = (q: string | undefined, token?: string, extra: Record<string, string> = {}) =>
    server.call('community/groups', q === undefined ? extra : { q, ...extra }, { token })
  const titles = (body: any) => body.results.map((g: any) => g.title)

  test('owner: finds a member’s groups, in the ArcGIS search shape', async () => {
    const body = await groups('owner:owner', adminToken)
    expect(body).toMatchObject({ query: 'owner:owner', total: 2, start: 1, num: 10, nextStart: -1 })
    expect(body.results[0]).toMatchObject({ title: 'A private group', owner: 'owner', access: 'private', id: privateGroupId })
    expect(titles(await groups('owner:OWNER', adminToken, { sortField: 'title', sortOrder: 'desc' }))).toEqual(['Owner group', 'A private group'])
  })

  test('visibility: viewGroups sees every org group, members org-wide and their own, anonymous public only', async () => {
    expect(titles(await groups('owner:owner', userToken))).toEqual(['Owner group'])
    expect(titles(await groups('owner:owner', ownerToken))).toEqual(['A private group', 'Owner group'])
    expect(titles(await groups('owner:owner'))).toEqual([])
  })

  test('titles, ids and combinations', async () => {
    expect(titles(await groups('private', adminToken))).toEqual(['A private group'])
    expect(titles(await groups(`id:${server.org.groupId}`, adminToken))).toEqual(['Owner group'])
    expect(titles(await groups('owner:owner AND -access:private', adminToken))).toEqual(['Owner group'])
    expect(titles(await groups('owner:nobody', adminToken))).toEqual([])
  })

  test('a malformed or unknown-field query is a 400', async () => {
    expect((await groups('owner:', adminToken)).error).toMatchObject({ code: 400, messageCode: 'INVALID_QUERY' })
    expect((await groups('colour:red', adminToken)).error.message).toContain("unknown field 'colour'")
    expect((await groups('owner:owner', adminToken, { sortField: 'size' })).error).toMatchObject({ code: 400, messageCode: 'INVALID_PARAMETER' })
  })
})
