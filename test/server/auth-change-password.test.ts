import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { findCaller } from '../../server/auth/caller.ts'
import { applyOwnPasswordChange, prepareOwnPasswordChange } from '../../server/auth/change-password.ts'
import { verifyPassword } from '../../server/auth/passwords.ts'
import { issueToken } from '../../server/auth/tokens.ts'
import { PortalError } from '../../server/http/errors.ts'
import { TEST_PASSWORD } from './fixture.ts'
import { startTestServer, type TestServer } from './harness.ts'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server?.close())

const id = (username: string) => server.org.ids[username]
const change = async (username: string, current: string, next: string) => {
  const prepared = await prepareOwnPasswordChange(server.db, id(username), current, next)
  await server.db.transaction((tx) => applyOwnPasswordChange(tx, prepared))
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(PortalError)
  const { code, messageCode, message } = error as PortalError
  return { code, messageCode, message }
}

const passwordHash = async (username: string) =>
  (await server.db.query<{ password_hash: string }>('select password_hash from users where id = $1', [id(username)]))[0].password_hash

describe('prepareOwnPasswordChange, then applyOwnPasswordChange', () => {
  test('policy: at least 8 characters, not the username, not the current password', async () => {
    expect(await refusal(change('publisher', TEST_PASSWORD, 'short'))).toEqual({
      code: 400,
      messageCode: 'PASSWORD_POLICY',
      message: 'The new password must be at least 8 characters long.',
    })
    expect(await refusal(change('publisher', TEST_PASSWORD, 'PUBLISHER'))).toMatchObject({
      messageCode: 'PASSWORD_POLICY',
      message: 'The new password must not be your username.',
    })
    expect(await refusal(change('publisher', TEST_PASSWORD, TEST_PASSWORD))).toMatchObject({
      messageCode: 'PASSWORD_POLICY',
      message: 'The new password must differ from the current one.',
    })
    expect(await verifyPassword(TEST_PASSWORD, await passwordHash('publisher'))).toBe(true)
  })

  test('a wrong current password is refused and changes nothing', async () => {
    const before = await passwordHash('viewer')
    expect(await refusal(change('viewer', 'not-it-at-all', 'a-new-password'))).toEqual({
      code: 400,
      messageCode: 'INVALID_PASSWORD',
      message: 'The current password is incorrect.',
    })
    expect(await passwordHash('viewer')).toBe(before)
  })

  test('an SSO member has no password here to change', async () => {
    expect(await refusal(change('sso', '', 'a-new-password'))).toMatchObject({ code: 400, messageCode: 'INVALID_PASSWORD' })
  })

  test('stores the new hash, clears must_change_password, revokes restricted tokens only, and audits', async () => {
    await server.db.query('update users set must_change_password = true where id = $1', [id('editor')])
    const restricted = await issueToken(server.db, { userId: id('editor'), kind: 'access', minutes: 60, restricted: true })
    const normal = await issueToken(server.db, { userId: id('editor'), kind: 'access', minutes: 60 })
    await change('editor', TEST_PASSWORD, 'editor-new-pass')

    const [row] = await server.db.query<{ must_change_password: boolean; password_hash: string }>(
      'select must_change_password, password_hash from users where id = $1',
      [id('editor')],
    )
    expect(row.must_change_password).toBe(false)
    expect(row.password_hash).toMatch(/^scrypt\$/)
    expect(await verifyPassword('editor-new-pass', row.password_hash)).toBe(true)
    expect(await verifyPassword(TEST_PASSWORD, row.password_hash)).toBe(false)
    expect(await findCaller(server.db, restricted.token)).toBeUndefined()
    expect(await findCaller(server.db, normal.token)).toMatchObject({ username: 'editor' })
    const audit = await server.db.query("select actor, target, outcome from audit_log where operation = 'changePassword'")
    expect(audit).toEqual([{ actor: 'editor', target: 'editor', outcome: 'success' }])
  })

  test('hashes before the transaction, and does not overwrite a password changed in between', async () => {
    const prepared = await prepareOwnPasswordChange(server.db, id('user'), TEST_PASSWORD, 'user-new-pass')
    expect(await verifyPassword('user-new-pass', prepared.newHash)).toBe(true)
    // Meanwhile the password changes (another tab, or an administrator's reset).
    const other = await prepareOwnPasswordChange(server.db, id('user'), TEST_PASSWORD, 'user-other-pass')
    await server.db.transaction((tx) => applyOwnPasswordChange(tx, other))
    expect(await refusal(server.db.transaction((tx) => applyOwnPasswordChange(tx, prepared)))).toEqual({
      code: 400,
      messageCode: 'INVALID_PASSWORD',
      message: 'The current password is incorrect.',
    })
    expect(await verifyPassword('user-other-pass', await passwordHash('user'))).toBe(true)
  })
})
