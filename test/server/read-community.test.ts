import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { ADMINISTRATOR_PRIVILEGES } from '../../server/domain/privileges.ts'
import { insertMember } from '../../server/seed/org.ts'
import { startTestServer, type TestServer } from './harness.ts'

let server: TestServer
let adminToken: string
let userToken: string
let otherOrgId: string
beforeAll(async () => {
  server = await startTestServer()
  adminToken = await server.tokenFor('admin')
  userToken = await server.tokenFor('user')
  // Profiles: editor private (admins and themselves only), publisher public (anyone).
  await server.db.query("update users set access = 'private' where username = 'editor'")
  await server.db.query("update users set access = 'public' where username = 'publisher'")
  // A second organization: one public member, one visible to their own org only.
  // (createOrganization cannot make a second org: the built-in role ids are global keys.)
  otherOrgId = 'abcdef0123456789'
  await server.db.query("insert into orgs (id, url_key, name, max_users, created, modified) values ($1, 'otherorg', 'Other Org', 5, 0, 0)", [otherOrgId])
  await server.db.query(
    `insert into user_types (org_id, id, name, description, privileges, can_own_content, level, max_users)
     select $1, id, name, description, privileges, can_own_content, level, max_users from user_types where org_id = $2`,
    [otherOrgId, server.org.orgId],
  )
  await insertMember(server.db, otherOrgId, { username: 'outsider', firstName: 'Otto', lastName: 'Outside' })
  await insertMember(server.db, otherOrgId, { username: 'hidden', firstName: 'Hilda', lastName: 'Hidden' })
  await server.db.query("update users set access = 'public' where username = 'outsider'")
  await insertMember(server.db, server.org.orgId, { username: 'jo.smith@corp_x-y', firstName: 'Jo', lastName: 'Smith' })
})
afterAll(() => server?.close())

const getUser = (username: string, token?: string) => server.call(`community/users/${encodeURIComponent(username)}`, {}, { token })
const communitySearch = (params: Record<string, string | number>, token?: string) => server.call('community/users', { num: 100, ...params }, { token })
const names = (body: any) => body.results.map((u: any) => u.username).sort()
const NOT_FOUND = { code: 400, messageCode: 'COM_0019', message: 'User does not exist or is inaccessible.' }

describe('community/users/{username}', () => {
  test('an administrator gets the full record with privileges and groups', async () => {
    const body = await getUser('owner', adminToken)
    expect(body).toMatchObject({ username: 'owner', email: 'owner@example.com', role: 'org_publisher', userLicenseTypeId: 'creatorUT', provider: 'arcgis' })
    expect(body.groups.map((g: any) => g.id)).toEqual([server.org.groupId])
    expect((await getUser('admin2', adminToken)).privileges).toEqual(ADMINISTRATOR_PRIVILEGES)
  })

  test('a plain member gets the public record of others and their own full record', async () => {
    const other = await getUser('admin', userToken)
    expect(other).toMatchObject({ username: 'admin', fullName: 'Ada Admin' })
    expect(other).not.toHaveProperty('email')
    expect(other).not.toHaveProperty('privileges')
    expect((await getUser('user', userToken)).email).toBe('user@example.com')
  })

  test('usernames are URL-encoded, may hold @ . _ - and accents, and match in any case', async () => {
    expect((await getUser('jo.smith@corp_x-y', adminToken)).username).toBe('jo.smith@corp_x-y')
    expect((await getUser('josé.garcía', adminToken)).username).toBe('josé.garcía')
    expect((await getUser('JOSÉ.GARCÍA', adminToken)).username).toBe('josé.garcía')
    expect((await getUser('Admin', adminToken)).username).toBe('admin')
  })

  test('unknown and inaccessible members look the same', async () => {
    expect((await getUser('nobody', adminToken)).error).toMatchObject(NOT_FOUND)
    expect((await getUser('editor', userToken)).error).toMatchObject(NOT_FOUND)
    expect((await getUser('editor', adminToken)).username).toBe('editor')
    expect((await getUser('editor', await server.tokenFor('editor'))).email).toBe('editor@example.com')
    expect((await getUser('hidden', adminToken)).error).toMatchObject(NOT_FOUND)
    expect((await getUser('admin')).error).toMatchObject(NOT_FOUND)
  })

  test('public profiles are visible to anyone, as public records', async () => {
    const anonymous = await getUser('publisher')
    expect(anonymous.username).toBe('publisher')
    expect(anonymous).not.toHaveProperty('email')
    const outsider = await getUser('outsider', adminToken)
    expect(outsider).toMatchObject({ username: 'outsider', orgId: otherOrgId })
    expect(outsider).not.toHaveProperty('email')
  })

  test('a bad token is an error even where anonymous callers are answered', async () => {
    expect((await getUser('publisher', 'bad-token')).error).toMatchObject({ code: 498 })
  })
})

describe('community/users (portal-wide search)', () => {
  test('the caller’s organization plus other organizations’ public members', async () => {
    const body = await communitySearch({ q: 'o*' }, adminToken)
    expect(body).toMatchObject({ query: 'o*' })
    expect(names(body)).toContain('outsider')
    expect(names(body)).not.toContain('hidden')
    expect(body.results.find((u: any) => u.username === 'outsider')).not.toHaveProperty('email')
    expect(body.results.find((u: any) => u.username === 'owner').email).toBe('owner@example.com')
  })

  test('admin-only fields reach only the caller’s own organization', async () => {
    expect(names(await communitySearch({ q: 'email:owner' }, adminToken))).toEqual(['owner'])
    expect(names(await communitySearch({ q: 'email:outsider' }, adminToken))).toEqual([])
    expect(names(await communitySearch({ q: 'outsider' }, adminToken))).toEqual(['outsider'])
  })

  test('anonymous callers find public profiles only', async () => {
    expect(names(await communitySearch({}))).toEqual(['outsider', 'publisher'])
    expect((await communitySearch({ q: 'email:x' })).error).toMatchObject({ code: 403 })
  })

  test('a plain member does not find private profiles but their own', async () => {
    expect(names(await communitySearch({ q: 'eddie' }, userToken))).toEqual([])
    expect(names(await communitySearch({ q: 'eddie' }, await server.tokenFor('editor')))).toEqual(['editor'])
    expect(names(await communitySearch({ q: 'eddie' }, adminToken))).toEqual(['editor'])
  })

  test('the org search never reaches another organization', async () => {
    const body = await server.call('portals/self/users/search', { q: 'outsider' }, { token: adminToken })
    expect(body.total).toBe(0)
    const other = await server.call(`portals/${otherOrgId}/users/search`, {}, { token: adminToken })
    expect(other.error).toMatchObject({ code: 403, messageCode: 'GWM_0003' })
    const portal = await server.call(`portals/${otherOrgId}`, {}, { token: adminToken })
    expect(portal).toMatchObject({ id: otherOrgId, name: 'Other Org' })
    expect(portal).not.toHaveProperty('user')
  })
})
