import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestServer, type TestServer } from './harness.ts'
import { addMember, expectError, lastAudit, memberExists, orgTotals } from './reassign-helpers.ts'

let server: TestServer
let adminToken: string
beforeAll(async () => {
  server = await startTestServer()
  adminToken = await server.tokenFor('admin')
})
afterAll(() => server?.close())

const removeUsers = (users: string, token?: string, portal = 'self') =>
  server.call(`portals/${portal}/removeUsers`, { users }, { method: 'POST', token })

describe('portals/self/removeUsers', () => {
  test('deletes the deletable members and reports each refusal in notRemoved and results', async () => {
    const totals = await orgTotals(server.db, server.org.orgId)
    const body = await removeUsers('never, owner, ghost, admin, disabled, admin2', await server.tokenFor('admin'))
    expect(body.notRemoved).toEqual(['owner', 'ghost', 'admin'])
    expect(body.results.map((r: any) => [r.username, r.status, r.error?.messageCode])).toEqual([
      ['never', 'success', undefined],
      ['owner', 'failure', 'USER_OWNS_CONTENT'],
      ['ghost', 'failure', 'COM_0019'],
      ['admin', 'failure', 'ORG_SELF_ACTION'],
      ['disabled', 'success', undefined],
      ['admin2', 'success', undefined],
    ])
    expect(body.results[1].error).toMatchObject({ code: 400, details: ['3 items', '1 group'] })
    for (const name of ['never', 'disabled', 'admin2']) expect(await memberExists(server.db, server.org.ids[name]!), name).toBe(false)
    for (const name of ['owner', 'admin']) expect(await memberExists(server.db, server.org.ids[name]!), name).toBe(true)
    expect(await orgTotals(server.db, server.org.orgId)).toEqual(totals)
    expect(await lastAudit(server.db, 'delete', 'never')).toMatchObject({ outcome: 'success', actor: 'admin' })
    expect(await lastAudit(server.db, 'delete', 'owner')).toMatchObject({ outcome: 'failure', message_code: 'USER_OWNS_CONTENT' })
  })

  test('takes a JSON array, and the organization id in place of self', async () => {
    await addMember(server, 'j1')
    await addMember(server, 'j2')
    const body = await removeUsers('["j1","J2"]', adminToken, server.org.orgId)
    expect(body).toEqual({ notRemoved: [], results: [{ username: 'j1', status: 'success' }, { username: 'J2', status: 'success' }] })
  })

  test('refuses another portal id, no list, more than 100 names, and callers without deleteUsers', async () => {
    await addMember(server, 'keep1')
    expectError(await removeUsers('keep1', adminToken, '0123456789abcdef'), 403, 'GWM_0003')
    expectError(await removeUsers('', adminToken), 400, 'MISSING_PARAMETER')
    const tooMany = Array.from({ length: 101 }, (_, i) => `m${i}`).join(',')
    const body = await removeUsers(tooMany, adminToken)
    expectError(body, 400, 'TOO_MANY_USERS')
    expect(body.error.message).toContain('100')
    expectError(await removeUsers('keep1', await server.tokenFor('manager')), 403, 'GWM_0003')
    expectError(await removeUsers('keep1', await server.tokenFor('user')), 403, 'GWM_0003')
    expectError(await removeUsers('keep1'), 499, 'GWM_0002')
    expect(await memberExists(server.db, server.org.ids.keep1!)).toBe(true)
  })

  test('two identical removeUsers racing each other delete each member exactly once', async () => {
    const names = Array.from({ length: 12 }, (_, i) => `race${i}`)
    for (const name of names) await addMember(server, name)
    const [a, b] = await Promise.all([removeUsers(names.join(','), adminToken), removeUsers(names.join(','), adminToken)])
    for (const name of names) {
      const outcomes = [a, b].map((body) => body.results.find((r: any) => r.username === name))
      // One call deleted the member; the other found them gone (never a 500, never both).
      expect(outcomes.map((o) => o.status).sort(), name).toEqual(['failure', 'success'])
      expect(outcomes.find((o) => o.status === 'failure').error.messageCode).toBe('COM_0019')
      expect(await memberExists(server.db, server.org.ids[name]!)).toBe(false)
    }
  })
})
