import {
  getSelf,
  getUser,
  getUserContent,
  SearchQueryBuilder,
  searchCommunityUsers,
  searchGroups,
  searchUsers,
} from '@esri/arcgis-rest-portal'
import { ArcGISIdentityManager, ArcGISRequestError } from '@esri/arcgis-rest-request'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestServer, type TestServer } from './harness.ts'

/** ArcGIS REST JS, unchanged, against our server: the console's own client. */
let server: TestServer
let admin: ArcGISIdentityManager
beforeAll(async () => {
  server = await startTestServer()
  admin = await ArcGISIdentityManager.fromToken({
    token: await server.tokenFor('admin'),
    tokenExpires: new Date(Date.now() + 3_600_000),
    portal: server.restUrl,
  })
})
afterAll(() => server?.close())

describe('ArcGIS REST JS against the read routes', () => {
  test('fromToken signs in through community/self', async () => {
    expect(admin.username).toBe('admin')
    expect((await admin.getUser()).privileges).toContain('portal:admin:viewUsers')
  })

  test('getSelf', async () => {
    const portal = await getSelf({ authentication: admin })
    expect(portal).toMatchObject({ id: server.org.orgId, name: 'Test Org', isPortal: false })
    expect(portal.user?.username).toBe('admin')
  })

  test('searchUsers with a plain q and with a SearchQueryBuilder', async () => {
    const plain = await searchUsers({ q: 'jose', authentication: admin })
    expect(plain.results.map((u) => u.username)).toEqual(['josé.garcía'])

    const q = new SearchQueryBuilder()
      .match('org_admin')
      .in('role')
      .or()
      .startGroup()
      .match('Olga Owner')
      .in('fullname')
      .and()
      .match('false')
      .in('disabled')
      .endGroup()
    const built = await searchUsers({ q, sortField: 'username', sortOrder: 'desc', num: 2, authentication: admin })
    expect(built).toMatchObject({ total: 3, start: 1, num: 2, nextStart: 3 })
    expect(built.results.map((u) => u.username)).toEqual(['owner', 'admin2'])
    const next = await built.nextPage!()
    expect(next.results.map((u) => u.username)).toEqual(['admin'])
    expect(next.nextStart).toBe(-1)
  })

  test('searchCommunityUsers', async () => {
    const body = await searchCommunityUsers({ q: 'publisher', authentication: admin })
    expect(body.results.map((u) => u.username)).toEqual(['publisher'])
  })

  test('a malformed q rejects with the server’s message', async () => {
    const error = await searchUsers({ q: 'role:(org_admin', authentication: admin }).catch((e) => e)
    expect(error).toBeInstanceOf(ArcGISRequestError)
    expect(error.code).toBe('INVALID_QUERY')
    expect(error.message).toContain("the '(' opened here is never closed")
  })

  test('getUser, by name with an accent and for the signed-in member', async () => {
    expect((await getUser({ username: 'josé.garcía', authentication: admin })).fullName).toBe('José García')
    expect((await getUser({ authentication: admin })).username).toBe('admin')
  })

  test('getUserContent at the root and in a folder', async () => {
    const root = await getUserContent({ owner: 'owner', authentication: admin })
    expect(root.items.map((i) => i.title).sort()).toEqual(['Root layer', 'Root map'])
    expect(root.folders?.map((f) => f.title)).toEqual(['Maps'])
    const folder = await getUserContent({ owner: 'owner', folderId: server.org.mapsFolder, authentication: admin })
    expect(folder.items.map((i) => i.title)).toEqual(['City map'])
    expect(folder.currentFolder?.title).toBe('Maps')
  })

  test('searchGroups by owner', async () => {
    const body = await searchGroups({ q: 'owner:owner', authentication: admin })
    expect(body.results.map((g) => g.id)).toEqual([server.org.groupId])
  })
})
