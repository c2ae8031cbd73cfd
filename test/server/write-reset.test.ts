import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { verifyPassword } from '../../server/auth/passwords.ts'
import { CONSOLE_CLIENT_ID } from '../../server/console.ts'
import { startTestServer, type TestServer } from './harness.ts'
import { addMember, memberState, post, TEST_PASSWORD, tokenCount, tokenWorks } from './write-helpers.ts'

let server: TestServer
let admin: string
let manager: string
beforeAll(async () => {
  server = await startTestServer()
  admin = await server.tokenFor('admin')
  manager = await server.tokenFor('manager')
})
afterAll(() => server?.close())

const reset = (u: string, token = admin, params: Record<string, string> = {}) =>
  post(server, `community/users/${encodeURIComponent(u)}/reset`, params, token)
const signIn = (username: string, password: string) =>
  post(server, 'generateToken', { username, password, client: 'referer', referer: 'http://127.0.0.1' })

describe('password reset by an administrator (extension)', () => {
  test('returns a temporary password once, ends every session, forces a new password', async () => {
    const old = await server.tokenFor('user')
    // A sign-in half done (code issued, not yet exchanged) must not survive the reset either.
    await server.db.query(
      `insert into oauth_codes (code_hash, client_id, user_id, redirect_uri, code_challenge, expiration_minutes, expires)
       values ('pending', $1, $2, 'http://127.0.0.1/cb', 'x', 60, $3)`,
      [CONSOLE_CLIENT_ID, server.org.ids.user, Date.now() + 60_000],
    )
    const answer = await reset('User')
    expect(answer).toEqual({ success: true, username: 'user', temporaryPassword: expect.stringMatching(/^[A-Za-z2-9]{16}$/) })
    expect(await tokenWorks(server, old)).toBe(false)
    expect(await tokenCount(server.db, 'user')).toBe(0)
    expect(await server.db.query('select 1 from oauth_codes where user_id = $1', [server.org.ids.user])).toEqual([])
    const row = await memberState(server.db, 'user')
    expect(row.must_change_password).toBe(true)
    expect(await verifyPassword(answer.temporaryPassword, row.password_hash)).toBe(true)
    expect(await verifyPassword(TEST_PASSWORD, row.password_hash)).toBe(false)
    // The audit record never holds the password.
    const [audit] = await server.db.query<{ after: unknown }>("select after from audit_log where operation = 'resetPassword' and target = 'user'")
    expect(JSON.stringify(audit)).not.toContain(answer.temporaryPassword)
  })

  test('the temporary password signs in with a restricted token, which can only change the password', async () => {
    await addMember(server, { username: 'p.restricted' })
    const { temporaryPassword } = await reset('p.restricted')
    const signedIn = await signIn('p.restricted', temporaryPassword)
    expect(signedIn).toMatchObject({ token: expect.any(String), mustChangePassword: true })
    const restricted = signedIn.token as string
    const other = await post(server, 'community/users/p.restricted/update', { description: 'hi' }, restricted)
    expect(other.error).toMatchObject({ code: 403, messageCode: 'USER_MUST_CHANGE_PASSWORD' })
    // Not even an admin-style reset of themself with that token.
    expect((await reset('p.restricted', restricted)).error.messageCode).toBe('USER_MUST_CHANGE_PASSWORD')

    const changed = await reset('p.restricted', restricted, { password: temporaryPassword, newPassword: 'a-new-password-9' })
    expect(changed).toEqual({ success: true, username: 'p.restricted' })
    expect((await memberState(server.db, 'p.restricted')).must_change_password).toBe(false)
    const again = await signIn('p.restricted', 'a-new-password-9')
    expect(again.token).toEqual(expect.any(String))
    expect(again.mustChangePassword).toBeUndefined()
  })

  test('self-service: a wrong current password is refused; another member is not yours to change', async () => {
    await addMember(server, { username: 'p.self', passwordHash: (await memberState(server.db, 'admin2')).password_hash })
    const own = await server.tokenFor('p.self')
    const wrong = await reset('p.self', own, { password: 'not-it', newPassword: 'a-new-password-9' })
    expect(wrong.error).toMatchObject({ code: 400, messageCode: 'INVALID_PASSWORD' })
    const other = await reset('publisher', own, { password: TEST_PASSWORD, newPassword: 'a-new-password-9' })
    expect(other.error).toMatchObject({ code: 403, messageCode: 'GWM_0003' })
    expect(await verifyPassword(TEST_PASSWORD, (await memberState(server.db, 'publisher')).password_hash)).toBe(true)
    const missing = await reset('p.self', own, { password: TEST_PASSWORD })
    expect(missing.error.messageCode).toBe('MISSING_PARAMETER')
    expect(await reset('p.self', own, { password: TEST_PASSWORD, newPassword: 'a-new-password-9' })).toEqual({ success: true, username: 'p.self' })
  })

  test('rule 7: only built-in accounts', async () => {
    const answer = await reset('sso')
    expect(answer.error).toMatchObject({ code: 400, messageCode: 'PASSWORD_RESET_NOT_BUILT_IN' })
    expect(answer.error.message).toContain('enterprise')
    expect((await memberState(server.db, 'sso')).must_change_password).toBe(false)
  })

  test('rule 1: Member Manager resets members, not administrators', async () => {
    await addMember(server, { username: 'p.mm' })
    expect((await reset('p.mm', manager)).temporaryPassword).toEqual(expect.any(String))
    const before = await memberState(server.db, 'admin2')
    expect((await reset('admin2', manager)).error).toMatchObject({ code: 403, messageCode: 'ORG_ADMIN_TARGET' })
    expect((await memberState(server.db, 'admin2')).password_hash).toBe(before.password_hash)
  })

  test('your own password needs the current one', async () => {
    expect((await reset('admin')).error).toMatchObject({ code: 400, messageCode: 'PASSWORD_CURRENT_REQUIRED' })
  })

  test('errors: unknown member, a plain user, no token', async () => {
    expect((await reset('nobody')).error.messageCode).toBe('COM_0019')
    expect((await reset('viewer', await server.tokenFor('publisher'))).error).toMatchObject({ code: 403, messageCode: 'GWM_0003' })
    expect((await post(server, 'community/users/viewer/reset', {})).error.code).toBe(499)
  })
})
