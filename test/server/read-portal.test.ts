import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { ADMINISTRATOR_PRIVILEGES, DATA_EDITOR_ROLE_ID, VIEWER_PRIVILEGES, VIEWER_ROLE_ID } from '../../server/domain/privileges.ts'
import { startTestServer, type TestServer } from './harness.ts'

let server: TestServer
let adminToken: string
let userToken: string
beforeAll(async () => {
  server = await startTestServer()
  adminToken = await server.tokenFor('admin')
  userToken = await server.tokenFor('user')
})
afterAll(() => server?.close())

const errorOf = (body: any) => body.error && { code: body.error.code, messageCode: body.error.messageCode }

describe('portals/self', () => {
  test('answers anonymously, without a user', async () => {
    const body = await server.call('portals/self')
    expect(body).toMatchObject({ id: server.org.orgId, name: 'Test Org', urlKey: 'testorg', isPortal: false, supportsOAuth: true })
    expect(body.subscriptionInfo.maxUsers).toBe(50)
    expect(body.maxTokenExpirationMinutes).toBeGreaterThan(0)
    expect(body).not.toHaveProperty('user')
  })

  test('with a token, carries the caller with privileges', async () => {
    const body = await server.call('portals/self', {}, { token: adminToken })
    expect(body.user).toMatchObject({ username: 'admin', role: 'org_admin', orgId: server.org.orgId })
    expect(body.user.privileges).toEqual(ADMINISTRATOR_PRIVILEGES)
  })

  test('answers by org id too, in any case, and by POST', async () => {
    const byId = await server.call(`portals/${server.org.orgId.toUpperCase()}`, {}, { token: userToken, method: 'POST' })
    expect(byId.id).toBe(server.org.orgId)
    expect(byId.user.username).toBe('user')
  })

  test('an unknown portal id and a bad token are errors', async () => {
    expect(errorOf(await server.call('portals/0123456789abcdef'))).toEqual({ code: 400, messageCode: 'PORTAL_NOT_FOUND' })
    expect(errorOf(await server.call('portals/self', {}, { token: 'not-a-token' }))).toEqual({ code: 498, messageCode: 'GWM_0001' })
  })
})

describe('community/self', () => {
  test('the caller with privileges, role, roleId and user type', async () => {
    const body = await server.call('community/self', {}, { token: await server.tokenFor('viewer') })
    expect(body).toMatchObject({ username: 'viewer', role: 'org_user', roleId: VIEWER_ROLE_ID, userLicenseTypeId: 'viewerUT' })
    expect(body.privileges).toEqual(VIEWER_PRIVILEGES)
    expect(body.email).toBe('viewer@example.com')
  })

  test('a custom administrative role reports its own privileges', async () => {
    const body = await server.call('community/self', {}, { token: await server.tokenFor('manager') })
    expect(body.roleId).toBe(server.org.memberManagerRoleId)
    expect(body.privileges).toContain('portal:admin:viewUsers')
    expect(body.privileges).not.toContain('portal:admin:deleteUsers')
  })

  test('lists the groups the caller belongs to', async () => {
    const body = await server.call('community/self', {}, { token: await server.tokenFor('owner') })
    expect(body.groups.map((g: any) => g.id)).toEqual([server.org.groupId])
  })

  test('needs a token', async () => {
    expect(errorOf(await server.call('community/self'))).toEqual({ code: 499, messageCode: 'GWM_0002' })
  })
})

describe('portals/self/roles', () => {
  test('lists custom roles only, privileges on request', async () => {
    const plain = await server.call('portals/self/roles', {}, { token: userToken })
    expect(plain.roles.map((r: any) => r.id).sort()).toEqual([DATA_EDITOR_ROLE_ID, VIEWER_ROLE_ID, server.org.memberManagerRoleId].sort())
    expect(plain.roles[0]).not.toHaveProperty('privileges')
    expect(plain).toMatchObject({ total: 3, start: 1, num: 10, nextStart: -1 })
    const full = await server.call('portals/self/roles', { returnPrivileges: true }, { token: userToken })
    expect(full.roles.find((r: any) => r.id === VIEWER_ROLE_ID)).toMatchObject({ name: 'Viewer', privileges: VIEWER_PRIVILEGES })
  })

  test('pages', async () => {
    const first = await server.call('portals/self/roles', { num: 2 }, { token: userToken })
    expect(first).toMatchObject({ total: 3, start: 1, num: 2, nextStart: 3 })
    const last = await server.call('portals/self/roles', { num: 2, start: 3 }, { token: userToken })
    expect(last).toMatchObject({ total: 3, start: 3, nextStart: -1 })
    expect(last.roles).toHaveLength(1)
    expect(first.roles.map((r: any) => r.id)).not.toContain(last.roles[0].id)
  })

  test('needs a token and the caller’s own portal', async () => {
    expect(errorOf(await server.call('portals/self/roles'))).toEqual({ code: 499, messageCode: 'GWM_0002' })
    expect(errorOf(await server.call('portals/0123456789abcdef/roles', {}, { token: userToken }))).toEqual({ code: 403, messageCode: 'GWM_0003' })
  })
})

describe('portals/self/userLicenseTypes', () => {
  test('every type with its ceiling, seats and assigned members (disabled ones count)', async () => {
    const body = await server.call('portals/self/userLicenseTypes', {}, { token: userToken })
    expect(body).toMatchObject({ total: 7, start: 1, num: 10, nextStart: -1 })
    const byId = Object.fromEntries(body.userLicenseTypes.map((t: any) => [t.id, t]))
    expect(Object.keys(byId).sort()).toEqual(
      ['GISProfessionalAdvUT', 'GISProfessionalBasicUT', 'GISProfessionalStdUT', 'creatorUT', 'editorUT', 'fieldWorkerUT', 'viewerUT'].sort(),
    )
    // 11 creators in the fixture, one of them disabled.
    expect(byId.creatorUT).toMatchObject({ name: 'Creator', maxUsers: 50, assignedUsers: 11 })
    expect(byId.GISProfessionalAdvUT).toMatchObject({ maxUsers: 1, assignedUsers: 1 })
    expect(byId.fieldWorkerUT.assignedUsers).toBe(0)
    expect(byId.viewerUT.privileges).toEqual(VIEWER_PRIVILEGES)
  })
})

describe('portals/self/users/counts', () => {
  const counts = async (type: string, token = adminToken) => server.call('portals/self/users/counts', { type }, { token })
  const asMap = (body: any) => Object.fromEntries(body.results.map((r: any) => [r.key, r.count]))

  test('by role: custom roles under their id, default roles only for members without one', async () => {
    expect(asMap(await counts('role'))).toEqual({
      org_admin: 2,
      org_publisher: 2,
      org_user: 7,
      [server.org.memberManagerRoleId]: 1,
      [VIEWER_ROLE_ID]: 1,
      [DATA_EDITOR_ROLE_ID]: 1,
    })
  })

  test('by user type, provider and status', async () => {
    expect(asMap(await counts('userLicenseType'))).toEqual({ creatorUT: 11, viewerUT: 1, editorUT: 1, GISProfessionalAdvUT: 1 })
    expect(asMap(await counts('provider'))).toEqual({ arcgis: 13, enterprise: 1 })
    expect(asMap(await counts('status'))).toEqual({ enabled: 13, disabled: 1 })
  })

  test('errors: no type, an unknown type, a caller who may not view members', async () => {
    expect(errorOf(await server.call('portals/self/users/counts', {}, { token: adminToken }))).toEqual({ code: 400, messageCode: 'MISSING_PARAMETER' })
    expect(errorOf(await counts('colour'))).toEqual({ code: 400, messageCode: 'INVALID_PARAMETER' })
    expect(errorOf(await counts('role', userToken))).toEqual({ code: 403, messageCode: 'GWM_0003' })
  })
})
