import { ArcGISIdentityManager, request } from '@esri/arcgis-rest-request'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { findCaller } from '../../server/auth/caller.ts'
import { CONSOLE_CLIENT_ID } from '../../server/console.ts'
import { hiddenFields, mustChangePassword, postForm, sameOrigin } from './auth-helpers.ts'
import { REDIRECT_URI, TEST_PASSWORD } from './fixture.ts'
import { startTestServer, type TestServer } from './harness.ts'

/** ArcGIS REST JS, unchanged, against this server: the console signs in exactly this way. */
let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server?.close())

const self = (manager: ArcGISIdentityManager) => request(`${server.restUrl}/community/self`, { authentication: manager, httpMethod: 'GET' })
const works = async (token: string) => (await findCaller(server.db, token)) !== undefined

describe('ArcGISIdentityManager.signIn (generateToken)', () => {
  test('signs in with username and password; its token reads community/self', async () => {
    const manager = await ArcGISIdentityManager.signIn({ username: 'user', password: TEST_PASSWORD, portal: server.restUrl })
    expect(manager.token).toEqual(expect.any(String))
    expect(manager.tokenExpires.getTime()).toBeGreaterThan(Date.now())
    expect((await self(manager)).username).toBe('user')
  })

  test('a wrong password rejects with the server message', async () => {
    const error = await ArcGISIdentityManager.signIn({ username: 'user', password: 'wrong-password', portal: server.restUrl }).catch(
      (e: Error) => e,
    )
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).name).toBe('ArcGISTokenRequestError')
    expect((error as Error).message).toContain('Unable to generate token.')
  })

  test('a member who must change their password is told so by community/self, and can change it with the restricted token', async () => {
    await mustChangePassword(server.db, 'never')
    const error = await ArcGISIdentityManager.signIn({ username: 'never', password: TEST_PASSWORD, portal: server.restUrl }).catch(
      (e: { code?: string }) => e,
    )
    expect((error as { code?: string }).code).toBe('USER_MUST_CHANGE_PASSWORD')

    const restricted = await (
      await postForm(`${server.restUrl}/generateToken`, { f: 'json', username: 'never', password: TEST_PASSWORD, client: 'referer', referer: 'x' })
    ).json()
    const changed = await server.call(
      'community/users/never/reset',
      { password: TEST_PASSWORD, newPassword: 'never-new-pass' },
      { method: 'POST', token: restricted.token },
    )
    expect(changed).toMatchObject({ success: true })
    const manager = await ArcGISIdentityManager.signIn({ username: 'never', password: 'never-new-pass', portal: server.restUrl })
    expect((await self(manager)).username).toBe('never')
  })
})

/** Just enough of a browser window for beginOAuth2 / completeOAuth2. */
function mockWindow(href: string) {
  const store = new Map<string, string>()
  const location = { href, search: '', origin: new URL(href).origin }
  return {
    location,
    localStorage: {
      getItem: (key: string) => store.get(key) ?? null,
      setItem: (key: string, value: string) => store.set(key, String(value)),
      removeItem: (key: string) => store.delete(key),
    },
    crypto: globalThis.crypto,
    isSecureContext: true,
    TextEncoder,
    btoa: globalThis.btoa,
    history: { state: null, replaceState: () => {} },
    addEventListener: () => {},
  }
}

describe('ArcGISIdentityManager.beginOAuth2 / completeOAuth2 (authorization code + PKCE)', () => {
  test('signs in through the page, refreshes, exchanges the refresh token, and signs out', async () => {
    const win = mockWindow('http://127.0.0.1:5999/members')
    const options = { clientId: CONSOLE_CLIENT_ID, portal: server.restUrl, redirectUri: REDIRECT_URI, popup: false }
    // REST JS reaches for the global window in one helper (generateRandomString) even when given one.
    Object.assign(globalThis, { window: win })
    try {
      await ArcGISIdentityManager.beginOAuth2(options, win as never)
    } finally {
      Reflect.deleteProperty(globalThis, 'window')
    }
    const authorizeUrl = new URL(win.location.href)
    expect(authorizeUrl.pathname).toBe('/sharing/rest/oauth2/authorize')
    expect(authorizeUrl.searchParams.get('code_challenge_method')).toBe('S256')

    const page = await (await fetch(authorizeUrl)).text()
    const fields = { ...hiddenFields(page), username: 'publisher', password: TEST_PASSWORD }
    const redirect = await postForm(`${server.restUrl}/oauth2/authorize`, fields, sameOrigin)
    expect(redirect.status).toBe(302)
    const callback = new URL(redirect.headers.get('location')!)
    win.location.href = callback.href
    win.location.search = callback.search

    const manager = (await ArcGISIdentityManager.completeOAuth2({ ...options }, win as never)) as ArcGISIdentityManager
    expect(manager.username).toBe('publisher')
    expect(manager.refreshToken).toEqual(expect.any(String))
    expect((await self(manager)).username).toBe('publisher')

    const firstToken = manager.token
    await manager.refreshCredentials()
    expect(manager.token).not.toBe(firstToken)
    expect((await self(manager)).username).toBe('publisher')

    const firstRefresh = manager.refreshToken
    await manager.exchangeRefreshToken()
    expect(manager.refreshToken).not.toBe(firstRefresh)
    expect(manager.refreshTokenExpires.getTime()).toBeGreaterThan(Date.now() + 13 * 24 * 3600_000)

    const tokens = [firstToken, manager.token]
    expect(await manager.signOut()).toMatchObject({ success: true })
    for (const token of tokens) expect(await works(token)).toBe(false)
    await expect(manager.refreshCredentials()).rejects.toMatchObject({ name: 'ArcGISTokenRequestError' })
  })
})
