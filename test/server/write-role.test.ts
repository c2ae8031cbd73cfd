import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { DATA_EDITOR_ROLE_ID, VIEWER_ROLE_ID } from '../../server/domain/privileges.ts'
import { startTestServer, type TestServer } from './harness.ts'
import { addMember, memberState, post } from './write-helpers.ts'

let server: TestServer
let admin: string
let manager: string
beforeAll(async () => {
  server = await startTestServer()
  admin = await server.tokenFor('admin')
  manager = await server.tokenFor('manager')
})
afterAll(() => server?.close())

const updateRole = (user: string, role: string, token = admin, portal = 'self') =>
  post(server, `portals/${portal}/updateUserRole`, { user, role }, token)

describe('updateUserRole', () => {
  test('a default role: {success, username}, role set, role_id cleared', async () => {
    await addMember(server, { username: 'r.default', roleId: VIEWER_ROLE_ID })
    expect(await updateRole('R.Default', 'org_publisher')).toEqual({ success: true, username: 'r.default' })
    const row = await memberState(server.db, 'r.default')
    expect([row.role, row.role_id]).toEqual(['org_publisher', null])
  })

  test('a custom role: role becomes its base role, role_id its id (any case of the id)', async () => {
    await addMember(server, { username: 'r.custom', role: 'org_publisher' })
    expect(await updateRole('r.custom', DATA_EDITOR_ROLE_ID.toLowerCase())).toEqual({ success: true, username: 'r.custom' })
    const row = await memberState(server.db, 'r.custom')
    expect([row.role, row.role_id]).toEqual(['org_user', DATA_EDITOR_ROLE_ID])
  })

  test('a full administrator promotes to Administrator and to a custom administrative role', async () => {
    await addMember(server, { username: 'r.promote' })
    expect((await updateRole('r.promote', server.org.memberManagerRoleId)).success).toBe(true)
    expect(await memberState(server.db, 'r.promote')).toMatchObject({ role: 'org_admin', role_id: server.org.memberManagerRoleId })
    expect((await updateRole('r.promote', 'org_admin')).success).toBe(true)
    expect(await memberState(server.db, 'r.promote')).toMatchObject({ role: 'org_admin', role_id: null })
  })

  test('the organization id works in place of self; another id does not', async () => {
    await addMember(server, { username: 'r.portal' })
    expect((await updateRole('r.portal', 'org_publisher', admin, server.org.orgId)).success).toBe(true)
    const other = await updateRole('r.portal', 'org_user', admin, 'abcdef0123456789')
    expect(other.error).toMatchObject({ code: 403, messageCode: 'GWM_0003' })
    expect((await memberState(server.db, 'r.portal')).role).toBe('org_publisher')
  })

  test('the same role again is a success that changes nothing', async () => {
    expect(await updateRole('publisher', 'org_publisher')).toEqual({ success: true, username: 'publisher' })
  })

  test('rule 3: a role beyond the user type is refused, naming role, type and a type that fits', async () => {
    const answer = await updateRole('viewer', 'org_publisher')
    expect(answer.error.code).toBe(400)
    expect(answer.error.messageCode).toBe('ROLE_USER_TYPE_MISMATCH')
    expect(answer.error.message).toMatch(/Publisher.*Viewer.*Creator/)
    expect(await memberState(server.db, 'viewer')).toMatchObject({ role: 'org_user', role_id: VIEWER_ROLE_ID })
    // Data Editor fits Contributor, but not Viewer.
    expect((await updateRole('viewer', DATA_EDITOR_ROLE_ID)).error.messageCode).toBe('ROLE_USER_TYPE_MISMATCH')
  })

  test('rule 1: Member Manager cannot promote to Administrator or change an administrator', async () => {
    await addMember(server, { username: 'r.mm' })
    expect((await updateRole('r.mm', 'org_admin', manager)).error).toMatchObject({ code: 403, messageCode: 'ORG_ADMIN_ROLE' })
    expect((await updateRole('r.mm', server.org.memberManagerRoleId, manager)).error.messageCode).toBe('ORG_ADMIN_ROLE')
    expect((await updateRole('admin2', 'org_user', manager)).error).toMatchObject({ code: 403, messageCode: 'ORG_ADMIN_TARGET' })
    expect((await memberState(server.db, 'admin2')).role).toBe('org_admin')
    // What its privileges allow, it does.
    expect(await updateRole('r.mm', 'org_publisher', manager)).toEqual({ success: true, username: 'r.mm' })
  })

  test('rule 2: nobody changes their own role', async () => {
    const answer = await updateRole('admin', 'org_user')
    expect(answer.error).toMatchObject({ code: 400, messageCode: 'ORG_SELF_ACTION' })
    expect(answer.error.message).toMatch(/yourself/)
    expect((await memberState(server.db, 'admin')).role).toBe('org_admin')
  })

  test('errors: unknown member, unknown role, missing parameters, GET', async () => {
    expect((await updateRole('nobody', 'org_user')).error).toMatchObject({ code: 400, messageCode: 'COM_0019' })
    expect((await updateRole('user', 'org_superhero')).error).toMatchObject({ code: 400, messageCode: 'INVALID_ROLE' })
    expect((await post(server, 'portals/self/updateUserRole', { user: 'user' }, admin)).error.messageCode).toBe('MISSING_PARAMETER')
    const get = await server.call('portals/self/updateUserRole', { user: 'user', role: 'org_publisher' }, { token: admin })
    expect(get.error).toMatchObject({ code: 405, messageCode: 'METHOD_NOT_ALLOWED' })
    expect((await memberState(server.db, 'user')).role).toBe('org_user')
  })

  test('a publisher is not permitted; no token is 499', async () => {
    const publisher = await server.tokenFor('publisher')
    expect((await updateRole('user', 'org_publisher', publisher)).error).toMatchObject({ code: 403, messageCode: 'GWM_0003' })
    expect((await post(server, 'portals/self/updateUserRole', { user: 'user', role: 'org_publisher' })).error.code).toBe(499)
  })

  test('the path is matched in any case; f=pjson pretty-prints', async () => {
    await addMember(server, { username: 'r.case' })
    const response = await fetch(`${server.restUrl}/PORTALS/SELF/UPDATEUSERROLE`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ f: 'pjson', user: 'r.case', role: 'org_publisher', token: admin }),
    })
    const text = await response.text()
    expect(text).toContain('\n  "success": true')
  })
})
