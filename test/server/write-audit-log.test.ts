import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestServer, type TestServer } from './harness.ts'
import { addMember, post } from './write-helpers.ts'

let server: TestServer
let admin: string
beforeAll(async () => {
  server = await startTestServer()
  admin = await server.tokenFor('admin')
  await addMember(server, { username: 'a.one' })
  await addMember(server, { username: 'a.two' })
  const manager = await server.tokenFor('manager')
  await post(server, 'portals/self/updateUserRole', { user: 'a.one', role: 'org_publisher' }, admin) // 1 success
  await post(server, 'portals/self/updateUserRole', { user: 'a.one', role: 'org_admin' }, manager) // 2 refused
  await post(server, 'community/users/a.two/disable', {}, manager) // 3 success
  await post(server, 'portals/self/enableUsers', { users: 'a.two,nobody' }, admin) // 4 success, 5 refused
  await post(server, 'community/users/a.one/update', { lastName: 'Uno' }, admin) // 6 success
  await post(server, 'community/users/a.one/reset', {}, admin) // 7 success
})
afterAll(() => server?.close())

const auditLog = (params: Record<string, string | number> = {}, token = admin) => server.call('portals/self/auditLog', params, { token })

describe('GET portals/self/auditLog (extension)', () => {
  test('newest first, with who, what, to whom, when, before/after and outcome', async () => {
    const log = await auditLog({ num: 100 })
    expect(log.total).toBe(7)
    expect(log.entries.map((e: any) => [e.actor, e.operation, e.target, e.outcome, e.messageCode])).toEqual([
      ['admin', 'resetPassword', 'a.one', 'success', null],
      ['admin', 'updateProfile', 'a.one', 'success', null],
      ['admin', 'enable', 'nobody', 'failure', 'COM_0019'],
      ['admin', 'enable', 'a.two', 'success', null],
      ['manager', 'disable', 'a.two', 'success', null],
      ['manager', 'updateUserRole', 'a.one', 'failure', 'ORG_ADMIN_ROLE'],
      ['admin', 'updateUserRole', 'a.one', 'success', null],
    ])
    const roleChange = log.entries[6]
    expect(roleChange.before).toEqual({ role: 'org_user', roleId: null })
    expect(roleChange.after).toEqual({ role: 'org_publisher', roleId: null })
    expect(roleChange.at).toBeGreaterThan(Date.now() - 60_000)
    expect(log.entries[5].after).toEqual({ role: 'org_admin' })
    expect(log.entries[1].before).toEqual({ fullName: '', lastName: '' })
    expect(log.entries[1].after).toEqual({ fullName: 'Uno', lastName: 'Uno' })
    expect(typeof log.entries[0].id).toBe('number')
  })

  test('paged: start, num, nextStart', async () => {
    const first = await auditLog({ num: 3 })
    expect(first).toMatchObject({ total: 7, start: 1, num: 3, nextStart: 4 })
    expect(first.entries).toHaveLength(3)
    const last = await auditLog({ start: 7, num: 3 })
    expect(last).toMatchObject({ total: 7, start: 7, nextStart: -1 })
    expect(last.entries.map((e: any) => e.operation)).toEqual(['updateUserRole'])
    expect(last.entries[0].id).toBeLessThan(first.entries[2].id)
    expect((await auditLog({ num: 'ten' })).error).toMatchObject({ code: 400, messageCode: 'INVALID_PARAMETER' })
  })

  test('filters: target (any case), actor, operation; combined', async () => {
    expect((await auditLog({ target: 'A.TWO' })).entries.map((e: any) => e.operation)).toEqual(['enable', 'disable'])
    expect((await auditLog({ actor: 'manager' })).total).toBe(2)
    expect((await auditLog({ operation: 'updateUserRole' })).total).toBe(2)
    expect((await auditLog({ actor: 'admin', target: 'a.one', operation: 'updateUserRole' })).total).toBe(1)
    expect((await auditLog({ target: 'nobody-ever' })).total).toBe(0)
  })

  test("a member's history is found in any spelling, also once the member is deleted", async () => {
    await addMember(server, { username: 'Gone.Member' })
    expect((await post(server, 'community/users/Gone.Member/delete', {}, admin)).success).toBe(true)
    const history = await auditLog({ target: 'gone.member' })
    expect(history.entries).toMatchObject([{ actor: 'admin', operation: 'delete', target: 'Gone.Member', outcome: 'success' }])
    expect((await auditLog({ target: 'GONE.MEMBER', actor: 'ADMIN' })).total).toBe(1)
  })

  test('full administrators only; POST works too', async () => {
    expect((await auditLog({}, await server.tokenFor('manager'))).error).toMatchObject({ code: 403, messageCode: 'GWM_0003' })
    expect((await auditLog({}, await server.tokenFor('user'))).error.code).toBe(403)
    expect((await server.call('portals/self/auditLog', {})).error.code).toBe(499)
    expect((await post(server, 'portals/self/auditLog', { num: 1 }, admin)).entries).toHaveLength(1)
  })
})
