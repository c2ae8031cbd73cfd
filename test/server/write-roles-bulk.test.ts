import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { VIEWER_ROLE_ID } from '../../server/domain/privileges.ts'
import { startTestServer, type TestServer } from './harness.ts'
import { addMember, enabledFullAdmins, memberState, post } from './write-helpers.ts'

/** The extension portals/self/updateUserRoles: updateUserRole's rules for up to 100 members, one outcome each. */
let server: TestServer
let admin: string
beforeAll(async () => {
  server = await startTestServer()
  admin = await server.tokenFor('admin')
})
afterAll(() => server?.close())

const updateRoles = (users: string | string[], role: string, token = admin) =>
  post(server, 'portals/self/updateUserRoles', { users: Array.isArray(users) ? users.join(',') : users, role }, token)

describe('updateUserRoles (extension)', () => {
  test('changes each member in its own right: one refusal neither blocks nor undoes the others', async () => {
    for (const username of ['b.one', 'b.two', 'b.three']) await addMember(server, { username })
    const answer = await updateRoles(['b.one', 'viewer', 'B.Two', 'admin', 'nobody', 'b.three'], 'org_publisher')
    expect(answer.results.map((r: { username: string; status: string }) => [r.username, r.status])).toEqual([
      ['b.one', 'success'],
      ['viewer', 'failure'],
      ['B.Two', 'success'],
      ['admin', 'failure'],
      ['nobody', 'failure'],
      ['b.three', 'success'],
    ])
    const reasons = Object.fromEntries(answer.results.filter((r: { error?: unknown }) => r.error).map((r: { username: string; error: { messageCode: string } }) => [r.username, r.error.messageCode]))
    expect(reasons).toEqual({ viewer: 'ROLE_USER_TYPE_MISMATCH', admin: 'ORG_SELF_ACTION', nobody: 'COM_0019' })
    for (const username of ['b.one', 'b.two', 'b.three']) expect(await memberState(server.db, username)).toMatchObject({ role: 'org_publisher', role_id: null })
    expect(await memberState(server.db, 'viewer')).toMatchObject({ role: 'org_user', role_id: VIEWER_ROLE_ID })
    // One audit record per member, as updateUserRole writes them.
    const audit = await server.db.query<{ target: string; outcome: string }>(
      "select target, outcome from audit_log where operation = 'updateUserRole' and target in ('b.one','b.two','b.three','viewer','admin','nobody') order by target",
    )
    expect(audit.map((a) => `${a.target}:${a.outcome}`)).toEqual(['admin:failure', 'b.one:success', 'b.three:success', 'b.two:success', 'nobody:failure', 'viewer:failure'])
  })

  test('rule 2 across one call: demoting every other full administrator leaves the caller', async () => {
    await addMember(server, { username: 'b.admin3', role: 'org_admin' })
    const answer = await updateRoles(['admin2', 'b.admin3'], 'org_user')
    expect(answer.results.every((r: { status: string }) => r.status === 'success')).toBe(true)
    expect(await enabledFullAdmins(server.db, server.org.orgId)).toEqual(['admin'])
    await server.db.query("update users set role = 'org_admin', role_id = null where username = 'admin2'")
  })

  test('the whole call is refused for an unknown role, too many members, no privilege, or GET', async () => {
    await addMember(server, { username: 'b.whole' })
    expect((await updateRoles('b.whole', 'org_superhero')).error).toMatchObject({ code: 400, messageCode: 'INVALID_ROLE' })
    const many = Array.from({ length: 101 }, (_, i) => `m${i}`)
    expect((await updateRoles(many, 'org_publisher')).error).toMatchObject({ code: 400, messageCode: 'TOO_MANY_USERS' })
    expect((await updateRoles('b.whole', 'org_publisher', await server.tokenFor('publisher'))).error).toMatchObject({ code: 403, messageCode: 'GWM_0003' })
    const get = await server.call('portals/self/updateUserRoles', { users: 'b.whole', role: 'org_publisher' }, { token: admin })
    expect(get.error).toMatchObject({ code: 405 })
    expect((await memberState(server.db, 'b.whole')).role).toBe('org_user')
  })
})
