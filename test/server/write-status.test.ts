import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestServer, type TestServer } from './harness.ts'
import { addMember, memberState, post, tokenCount, tokenWorks } from './write-helpers.ts'

let server: TestServer
let admin: string
let manager: string
beforeAll(async () => {
  server = await startTestServer()
  admin = await server.tokenFor('admin')
  manager = await server.tokenFor('manager')
})
afterAll(() => server?.close())

const disable = (u: string, token = admin) => post(server, `community/users/${encodeURIComponent(u)}/disable`, {}, token)
const enable = (u: string, token = admin) => post(server, `community/users/${encodeURIComponent(u)}/enable`, {}, token)

describe('disable and enable one member', () => {
  test('disable: {success, username}; the member keeps content, loses every session at once', async () => {
    const ownerToken = await server.tokenFor('owner')
    expect(await tokenWorks(server, ownerToken)).toBe(true)
    expect(await disable('Owner')).toEqual({ success: true, username: 'owner' })
    expect((await memberState(server.db, 'owner')).disabled).toBe(true)
    expect(await tokenCount(server.db, 'owner')).toBe(0)
    expect(await tokenWorks(server, ownerToken)).toBe(false)
    const [owned] = await server.db.query<{ n: number }>('select count(*)::int as n from items where owner_id = $1', [server.org.ids.owner])
    expect(owned?.n).toBe(3)
    expect(await enable('owner')).toEqual({ success: true, username: 'owner' })
    expect((await memberState(server.db, 'owner')).disabled).toBe(false)
  })

  test('a username with accents and dots, URL-encoded', async () => {
    expect(await disable('josé.garcía')).toEqual({ success: true, username: 'josé.garcía' })
    expect(await enable('JOSÉ.GARCÍA')).toEqual({ success: true, username: 'josé.garcía' })
  })

  test('disabling a disabled member, or enabling an enabled one, is a no-op success', async () => {
    expect(await disable('disabled')).toEqual({ success: true, username: 'disabled' })
    expect(await enable('user')).toEqual({ success: true, username: 'user' })
    const [row] = await server.db.query<{ n: number }>(
      "select count(*)::int as n from audit_log where target in ('disabled', 'user') and outcome = 'success'",
    )
    expect(row?.n).toBe(0)
  })

  test('rule 6: a member who never signed in cannot be disabled', async () => {
    const answer = await disable('never')
    expect(answer.error).toMatchObject({ code: 400, messageCode: 'USER_NEVER_SIGNED_IN' })
    expect(answer.error.message).toContain('never')
    expect((await memberState(server.db, 'never')).disabled).toBe(false)
  })

  test('rule 2: nobody disables themself', async () => {
    expect((await disable('admin')).error).toMatchObject({ code: 400, messageCode: 'ORG_SELF_ACTION' })
    expect((await memberState(server.db, 'admin')).disabled).toBe(false)
  })

  test('rule 1: Member Manager disables members but not administrators; it may enable them', async () => {
    await addMember(server, { username: 's.mm' })
    expect(await disable('s.mm', manager)).toEqual({ success: true, username: 's.mm' })
    expect((await disable('admin2', manager)).error).toMatchObject({ code: 403, messageCode: 'ORG_ADMIN_TARGET' })
    expect((await memberState(server.db, 'admin2')).disabled).toBe(false)
    await addMember(server, { username: 's.admin', role: 'org_admin', disabled: true })
    expect(await enable('s.admin', manager)).toEqual({ success: true, username: 's.admin' })
  })

  test('errors: unknown member; GET; a plain user', async () => {
    expect((await disable('nobody')).error).toMatchObject({ code: 400, messageCode: 'COM_0019' })
    const get = await server.call('community/users/user/disable', {}, { token: admin })
    expect(get.error.code).toBe(405)
    expect((await disable('publisher', await server.tokenFor('user'))).error).toMatchObject({ code: 403, messageCode: 'GWM_0003' })
  })

  test('a disabled member cannot act with a token issued before', async () => {
    await addMember(server, { username: 's.actor', role: 'org_admin' })
    const token = await server.tokenFor('s.actor')
    expect(await disable('s.actor')).toEqual({ success: true, username: 's.actor' })
    expect((await disable('user', token)).error.code).toBe(498)
  })
})

describe('disableUsers and enableUsers', () => {
  test('per-member results; failures do not block the others', async () => {
    await addMember(server, { username: 'b.one' })
    await addMember(server, { username: 'b.two' })
    const answer = await post(server, 'portals/self/disableUsers', { users: 'b.one,never,admin,nobody,b.two' }, admin)
    expect(answer.results.map((r: any) => [r.username, r.error?.messageCode ?? r.status])).toEqual([
      ['b.one', 'success'],
      ['never', 'USER_NEVER_SIGNED_IN'],
      ['admin', 'ORG_SELF_ACTION'],
      ['nobody', 'COM_0019'],
      ['b.two', 'success'],
    ])
    expect(answer.results[1].error).toMatchObject({ code: 400, message: expect.any(String), details: [] })
    expect((await memberState(server.db, 'b.two')).disabled).toBe(true)
    const enabled = await post(server, 'portals/self/enableUsers', { users: '["b.one","b.two"]' }, admin)
    expect(enabled).toEqual({ results: [{ username: 'b.one', status: 'success' }, { username: 'b.two', status: 'success' }] })
    expect((await memberState(server.db, 'b.one')).disabled).toBe(false)
  })

  test('over 100 members is refused as a whole, saying the limit', async () => {
    const users = Array.from({ length: 101 }, (_, i) => `u${i}`).join(',')
    const answer = await post(server, 'portals/self/disableUsers', { users }, admin)
    expect(answer.error).toMatchObject({ code: 400, messageCode: 'TOO_MANY_USERS' })
    expect(answer.error.message).toContain('100')
  })

  test('a publisher is refused for the whole call', async () => {
    const answer = await post(server, 'portals/self/enableUsers', { users: 'disabled' }, await server.tokenFor('publisher'))
    expect(answer.error).toMatchObject({ code: 403, messageCode: 'GWM_0003' })
    expect((await memberState(server.db, 'disabled')).disabled).toBe(true)
  })
})
