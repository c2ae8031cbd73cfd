import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestServer, type TestServer } from './harness.ts'
import { addMember, memberState, post } from './write-helpers.ts'

let server: TestServer
let admin: string
beforeAll(async () => {
  server = await startTestServer()
  admin = await server.tokenFor('admin')
})
afterAll(() => server?.close())

const update = (u: string, params: Record<string, string>, token = admin) =>
  post(server, `community/users/${encodeURIComponent(u)}/update`, params, token)

describe('community/users/{u}/update', () => {
  test('a member edits their own profile; the search keys follow the names', async () => {
    await addMember(server, { username: 'e.self', firstName: 'Eve', lastName: 'Old' })
    const own = await server.tokenFor('e.self')
    const answer = await update('e.self', { lastName: 'Ñúñez', email: 'eve@example.org', tags: 'a,b', units: 'english', region: 'us' }, own)
    expect(answer).toEqual({ success: true, username: 'e.self' })
    const row = await memberState(server.db, 'e.self')
    expect(row).toMatchObject({ last_name: 'Ñúñez', full_name: 'Eve Ñúñez', email: 'eve@example.org', tags: ['a', 'b'] })
    expect(row.last_name_key).toBe(' nunez')
    expect(row.full_name_key).toBe(' eve nunez')
    expect(row.email_key).toBe(' eve example org')
    expect(row.search_key).toContain(' nunez')
    expect(row.search_key).not.toContain(' old')
  })

  test('an administrator edits another member', async () => {
    expect(await update('viewer', { fullName: 'Victor V.', description: 'Field lead' })).toEqual({ success: true, username: 'viewer' })
    expect(await memberState(server.db, 'viewer')).toMatchObject({ full_name: 'Victor V.', description: 'Field lead' })
  })

  test('validation: a bad email is a 400 naming the problem, and nothing changes', async () => {
    const answer = await update('viewer', { email: 'nope', lastName: 'Changed' })
    expect(answer.error).toMatchObject({ code: 400, messageCode: 'INVALID_EMAIL' })
    expect(answer.error.message).toContain('name@example.com')
    expect((await memberState(server.db, 'viewer')).last_name).toBe('Viewer')
    expect((await update('viewer', { units: 'furlongs' })).error.messageCode).toBe('INVALID_PARAMETER')
  })

  test('markup is stored as text, unchanged', async () => {
    expect((await update('script', { description: '<img src=x onerror=alert(1)>' })).success).toBe(true)
    expect((await memberState(server.db, 'script')).description).toBe('<img src=x onerror=alert(1)>')
  })

  test("a member without portal:admin:updateUsers cannot edit someone else's profile", async () => {
    const answer = await update('viewer', { lastName: 'Hacked' }, await server.tokenFor('publisher'))
    expect(answer.error).toMatchObject({ code: 403, messageCode: 'GWM_0003' })
    expect((await memberState(server.db, 'viewer')).last_name).toBe('Viewer')
  })

  test('rule 1: Member Manager edits members but not administrators', async () => {
    const manager = await server.tokenFor('manager')
    expect((await update('editor', { lastName: 'Edited' }, manager)).success).toBe(true)
    expect((await update('admin2', { lastName: 'Edited' }, manager)).error).toMatchObject({ code: 403, messageCode: 'ORG_ADMIN_TARGET' })
    expect((await memberState(server.db, 'admin2')).last_name).toBe('Second')
  })

  test('role and user type cannot be changed through update', async () => {
    const own = await server.tokenFor('user')
    expect(await update('user', { role: 'org_admin', userLicenseType: 'GISProfessionalAdvUT', description: 'x' }, own)).toEqual({
      success: true,
      username: 'user',
    })
    expect(await memberState(server.db, 'user')).toMatchObject({ role: 'org_user', user_type_id: 'creatorUT', description: 'x' })
  })

  test('errors: unknown member, no token', async () => {
    expect((await update('nobody', { lastName: 'x' })).error.messageCode).toBe('COM_0019')
    expect((await post(server, 'community/users/user/update', { lastName: 'x' })).error.code).toBe(499)
  })
})
