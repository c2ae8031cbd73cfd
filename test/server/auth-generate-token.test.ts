import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { findCaller } from '../../server/auth/caller.ts'
import { generateToken, mustChangePassword, postForm, protectedProbe } from './auth-helpers.ts'
import { TEST_PASSWORD } from './fixture.ts'
import { startTestServer, type TestServer } from './harness.ts'

const MINUTE = 60_000
const BAD_CREDENTIALS = {
  error: { code: 400, messageCode: 'INVALID_CREDENTIALS', message: 'Unable to generate token.', details: ['Invalid username or password.'] },
}

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server?.close())

describe('POST generateToken', () => {
  test('signs a member in: {token, expires, ssl}, 60 minutes by default, the token works', async () => {
    const before = Date.now()
    const body = await generateToken(server, { username: 'user', password: TEST_PASSWORD })
    expect(Object.keys(body).sort()).toEqual(['expires', 'ssl', 'token'])
    expect(body.ssl).toBe(false)
    expect(body.expires).toBeGreaterThanOrEqual(before + 60 * MINUTE)
    expect(body.expires).toBeLessThanOrEqual(Date.now() + 60 * MINUTE)
    const caller = await findCaller(server.db, body.token)
    expect(caller).toMatchObject({ username: 'user', restricted: false })
  })

  test('usernames are case-insensitive and the stored spelling signs in', async () => {
    const body = await generateToken(server, { username: 'PUBLISHER', password: TEST_PASSWORD })
    expect((await findCaller(server.db, body.token))?.username).toBe('publisher')
  })

  test('expiration is honoured and capped by maxTokenMinutes', async () => {
    const short = await generateToken(server, { username: 'admin', password: TEST_PASSWORD, expiration: '5' })
    expect(short.expires).toBeLessThanOrEqual(Date.now() + 5 * MINUTE)
    expect(short.expires).toBeGreaterThan(Date.now() + 4 * MINUTE)
    const capped = await generateToken(server, { username: 'admin', password: TEST_PASSWORD, expiration: '999999' })
    const max = 2 * 7 * 24 * 60 * MINUTE
    expect(capped.expires).toBeLessThanOrEqual(Date.now() + max)
    expect(capped.expires).toBeGreaterThan(Date.now() + max - MINUTE)
    const bad = await generateToken(server, { username: 'admin', password: TEST_PASSWORD, expiration: '0' })
    expect(bad.error).toMatchObject({ code: 400, messageCode: 'INVALID_PARAMETER' })
  })

  test('records last_login', async () => {
    const before = Date.now()
    await generateToken(server, { username: 'owner', password: TEST_PASSWORD })
    const [row] = await server.db.query<{ last_login: number }>("select last_login from users where username = 'owner'")
    expect(row.last_login).toBeGreaterThanOrEqual(before)
  })

  test('wrong password, unknown user, disabled member and SSO member get the identical answer', async () => {
    const answers = [
      await generateToken(server, { username: 'viewer', password: 'not-the-password' }),
      await generateToken(server, { username: 'no-such-member', password: TEST_PASSWORD }),
      await generateToken(server, { username: 'disabled', password: TEST_PASSWORD }),
      await generateToken(server, { username: 'sso', password: TEST_PASSWORD }),
      await generateToken(server, { username: 'sso', password: 'anything' }),
    ]
    for (const answer of answers) expect(answer).toEqual(BAD_CREDENTIALS)
    const [row] = await server.db.query<{ last_login: number }>("select last_login from users where username = 'disabled'")
    expect(row.last_login).toBeLessThan(Date.now() - MINUTE)
  })

  test('GET is refused, even with good credentials, and issues no token', async () => {
    const [{ count: before }] = await server.db.query<{ count: number }>('select count(*)::int as count from tokens')
    const query = new URLSearchParams({ f: 'json', username: 'user', password: TEST_PASSWORD, client: 'referer', referer: 'x' })
    const body = await (await fetch(`${server.restUrl}/generateToken?${query}`)).json()
    expect(body.error).toMatchObject({ code: 405 })
    expect(body.token).toBeUndefined()
    const [{ count: after }] = await server.db.query<{ count: number }>('select count(*)::int as count from tokens')
    expect(after).toBe(before)
  })

  test('a password in the URL of a POST is refused', async () => {
    const response = await postForm(`${server.restUrl}/generateToken?password=${TEST_PASSWORD}`, {
      f: 'json',
      username: 'user',
      client: 'referer',
      referer: 'x',
    })
    expect((await response.json()).error).toMatchObject({ code: 400, messageCode: 'PASSWORD_IN_URL' })
  })

  test('missing username or password, a bad client, or client=referer without referer: 400 saying what is missing', async () => {
    expect((await generateToken(server, { username: 'user' })).error).toMatchObject({
      code: 400,
      messageCode: 'MISSING_PARAMETER',
      details: ["'password' must be specified."],
    })
    expect((await generateToken(server, { username: 'user', password: TEST_PASSWORD, client: 'nope' })).error).toMatchObject({
      code: 400,
      messageCode: 'INVALID_PARAMETER',
    })
    expect((await generateToken(server, { username: 'user', password: TEST_PASSWORD, referer: '' })).error).toMatchObject({
      messageCode: 'MISSING_PARAMETER',
    })
    const requestIp = await generateToken(server, { username: 'user', password: TEST_PASSWORD, client: 'requestip', referer: '' })
    expect(typeof requestIp.token).toBe('string')
  })
})

describe('a member who must change their password', () => {
  test('gets a restricted token, flagged mustChangePassword, good only for allowRestricted operations', async () => {
    await mustChangePassword(server.db, 'never')
    const body = await generateToken(server, { username: 'never', password: TEST_PASSWORD })
    expect(body).toMatchObject({ mustChangePassword: true, ssl: false })
    expect((await findCaller(server.db, body.token))?.restricted).toBe(true)
    const probe = protectedProbe(server.db)
    expect(await probe('/probe', body.token)).toEqual({
      error: {
        code: 403,
        messageCode: 'USER_MUST_CHANGE_PASSWORD',
        message: 'You must change your password before you can continue.',
        details: [],
      },
    })
    expect(await probe('/probe-restricted', body.token)).toEqual({ username: 'never' })
    expect((await server.call('community/self', {}, { token: body.token })).error).toMatchObject({
      code: 403,
      messageCode: 'USER_MUST_CHANGE_PASSWORD',
    })
    const normal = await generateToken(server, { username: 'user', password: TEST_PASSWORD })
    expect(await probe('/probe', normal.token)).toEqual({ username: 'user' })
  })
})

describe('CORS', () => {
  test('JSON calls answer any origin, without credentials; preflight allows the token headers', async () => {
    const ok = await postForm(
      `${server.restUrl}/generateToken`,
      { f: 'json', username: 'user', password: TEST_PASSWORD, client: 'referer', referer: 'x' },
      { origin: 'https://console.example.com' },
    )
    expect(ok.headers.get('access-control-allow-origin')).toBe('*')
    expect(ok.headers.get('access-control-allow-credentials')).toBeNull()
    const failed = await fetch(`${server.restUrl}/no/such/call?f=json`, { headers: { origin: 'https://console.example.com' } })
    expect(failed.headers.get('access-control-allow-origin')).toBe('*')
    expect((await failed.json()).error.code).toBe(400)
    const preflight = await fetch(`${server.restUrl}/portals/self`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://console.example.com',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'x-esri-authorization',
      },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('x-esri-authorization')
  })

  test('the HTML sign-in page is not opened to other origins', async () => {
    const response = await fetch(`${server.restUrl}/oauth2/authorize?client_id=x`, { headers: { origin: 'https://console.example.com' } })
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
  })
})
