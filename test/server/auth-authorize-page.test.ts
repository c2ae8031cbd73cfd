import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { findCaller } from '../../server/auth/caller.ts'
import { verifyPassword } from '../../server/auth/passwords.ts'
import {
  authorizeParams,
  generateToken,
  getAuthorizePage,
  hiddenFields,
  mustChangePassword,
  pkcePair,
  postForm,
  submitSignIn,
  tokenCall,
} from './auth-helpers.ts'
import { REDIRECT_URI, TEST_PASSWORD } from './fixture.ts'
import { startTestServer, type TestServer } from './harness.ts'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server?.close())

const countCodes = async () => (await server.db.query<{ n: number }>('select count(*)::int as n from oauth_codes'))[0].n

describe('GET oauth2/authorize', () => {
  test('renders an accessible sign-in form with no inline script or style, under a strict CSP', async () => {
    const params = authorizeParams(pkcePair().challenge)
    const { response, html } = await getAuthorizePage(server, params)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/html/)
    const csp = response.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toContain("form-action 'self' http://127.0.0.1:5999")
    expect(html).toMatch(/<html lang="en"/)
    expect(html).toContain('<label for="username">Username</label>')
    expect(html).toMatch(/<input id="username" name="username"[^>]*autocomplete="username"/)
    expect(html).toContain('<label for="password">Password</label>')
    expect(html).toMatch(/<input id="password" name="password" type="password"/)
    expect(html).toContain('<form method="post" action="authorize">')
    expect(html).not.toMatch(/<script|<style|\sstyle=|\son[a-z]+=/i)
    expect(html).toContain('Test Org')
    // Every OAuth parameter comes back with the form, unchanged.
    const fields = hiddenFields(html)
    for (const [name, value] of Object.entries(params)) expect(fields[name]).toBe(value)
    expect(fields.form_token).toMatch(/^\d+\.[\w-]{43}$/)

    const css = await fetch(`${server.restUrl}/oauth2/sign-in.css`)
    expect(css.headers.get('content-type')).toMatch(/^text\/css/)
    expect(await css.text()).toContain('.panel')
  })

  test('escapes every value it echoes', async () => {
    const evil = '"><script>alert(1)</script>'
    const { html } = await getAuthorizePage(server, authorizeParams(pkcePair().challenge, { state: evil, locale: evil }))
    expect(html).not.toContain('<script')
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"')
  })

  test('an unknown client or a redirect_uri not registered exactly gets an error page, never a redirect', async () => {
    const challenge = pkcePair().challenge
    const cases: Record<string, string>[] = [
      { client_id: 'no-such-app' },
      { redirect_uri: 'https://evil.example/oauth-callback' },
      { redirect_uri: `${REDIRECT_URI}/more` },
      { redirect_uri: `${REDIRECT_URI}?x=1` },
      { redirect_uri: REDIRECT_URI.toUpperCase() },
      { redirect_uri: '' },
    ]
    for (const overrides of cases) {
      const { response, html } = await getAuthorizePage(server, authorizeParams(challenge, overrides))
      expect(response.status).toBe(400)
      expect(response.headers.get('location')).toBeNull()
      expect(html).toContain('Sign-in cannot continue')
      expect(html).not.toContain('<form')
    }
  })

  test('PKCE is required (S256): otherwise the app gets the error at its redirect_uri, with its state', async () => {
    const params = authorizeParams(pkcePair().challenge)
    const cases: Record<string, string>[] = [{ code_challenge: '' }, { code_challenge_method: 'plain' }, { code_challenge: 'too-short' }]
    for (const overrides of cases) {
      const { response } = await getAuthorizePage(server, { ...params, ...overrides })
      expect(response.status).toBe(302)
      const location = new URL(response.headers.get('location')!)
      expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI)
      expect(location.searchParams.get('error')).toBe('invalid_request')
      expect(location.searchParams.get('state')).toBe(params.state)
      expect(location.searchParams.get('code')).toBeNull()
    }
    const implicit = await getAuthorizePage(server, { ...params, response_type: 'token' })
    expect(implicit.response.headers.get('location')).toMatch(/#error=unsupported_response_type&/)
  })
})

describe('POST oauth2/authorize', () => {
  test('signs in and redirects to redirect_uri with the code and the state untouched', async () => {
    const params = authorizeParams(pkcePair().challenge)
    const { html } = await getAuthorizePage(server, params)
    const response = await submitSignIn(server, html, { username: 'User', password: TEST_PASSWORD })
    expect(response.status).toBe(302)
    const location = response.headers.get('location')!
    expect(location.startsWith(`${REDIRECT_URI}?code=`)).toBe(true)
    // REST JS decodes with decodeURIComponent: spaces must be %20, not '+'.
    expect(location).toContain(`&state=${encodeURIComponent(params.state)}`)
  })

  test('a wrong password re-renders the form with the error, the username kept (escaped)', async () => {
    const { html } = await getAuthorizePage(server, authorizeParams(pkcePair().challenge))
    const before = await countCodes()
    const response = await submitSignIn(server, html, { username: 'user"<b>', password: 'wrong' })
    expect(response.status).toBe(400)
    const page = await response.text()
    expect(page).toMatch(/<div class="error" id="form-error" role="alert"><p>Invalid username or password\.<\/p><\/div>/)
    expect(page).toContain('value="user&quot;&lt;b&gt;"')
    expect(page).toMatch(/aria-invalid="true" aria-describedby="form-error"/)
    expect(await countCodes()).toBe(before)
  })

  test('a disabled or SSO member cannot sign in through the form', async () => {
    const { html } = await getAuthorizePage(server, authorizeParams(pkcePair().challenge))
    for (const username of ['disabled', 'sso']) {
      const response = await submitSignIn(server, html, { username, password: TEST_PASSWORD })
      expect(response.status).toBe(400)
      expect(await response.text()).toContain('Invalid username or password.')
    }
  })

  test('a cross-site post is refused, whatever its credentials', async () => {
    const { html } = await getAuthorizePage(server, authorizeParams(pkcePair().challenge))
    const before = await countCodes()
    const host = new URL(server.baseUrl).host
    const crossSite: Record<string, string>[] = [
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { origin: 'https://evil.example' },
      { origin: 'null' },
    ]
    for (const headers of crossSite) {
      const response = await submitSignIn(server, html, { username: 'user', password: TEST_PASSWORD }, headers)
      expect(response.status).toBe(403)
      expect(response.headers.get('location')).toBeNull()
    }
    expect(await countCodes()).toBe(before)
    // A browser that sends only Origin, from this very host, is fine.
    const ok = await submitSignIn(server, html, { username: 'user', password: TEST_PASSWORD }, { origin: `http://${host}` })
    expect(ok.status).toBe(302)
  })

  test('the form token is bound to the request: tampered parameters or no token are refused', async () => {
    const params = authorizeParams(pkcePair().challenge)
    const { html } = await getAuthorizePage(server, params)
    const fields = hiddenFields(html)
    const attacker = pkcePair().challenge
    const tampered: Record<string, string>[] = [
      { code_challenge: attacker },
      { state: 'other' },
      { form_token: '' },
      { form_token: `${Date.now()}.${'A'.repeat(43)}` },
    ]
    for (const changed of tampered) {
      const response = await postForm(`${server.restUrl}/oauth2/authorize`, { ...fields, ...changed, username: 'user', password: TEST_PASSWORD })
      expect(response.status).toBe(400)
      expect(await response.text()).toContain('This sign-in page has expired. Sign in again.')
    }
    const stale = `${Date.now() - 2 * 60 * 60_000}.${fields.form_token.split('.')[1]}`
    const response = await postForm(`${server.restUrl}/oauth2/authorize`, { ...fields, form_token: stale, username: 'user', password: TEST_PASSWORD })
    expect(response.status).toBe(400)
  })
})

describe('must change password', () => {
  test('the form asks for a new password, enforces the policy, then continues the flow', async () => {
    await mustChangePassword(server.db, 'never')
    const restricted = (await generateToken(server, { username: 'never', password: TEST_PASSWORD })).token
    const { verifier, challenge } = pkcePair()
    const { html } = await getAuthorizePage(server, authorizeParams(challenge))
    const first = await submitSignIn(server, html, { username: 'never', password: TEST_PASSWORD })
    expect(first.status).toBe(200)
    const changePage = await first.text()
    expect(changePage).toContain('<h1>Choose a new password</h1>')
    expect(changePage).toContain('<label for="new-password">New password</label>')
    expect(changePage).toContain('<label for="confirm-password">Confirm new password</label>')
    expect(hiddenFields(changePage)).toMatchObject({ step: 'change-password' })
    expect(changePage).toMatch(/<input id="username" name="username" type="text" value="never" autocomplete="username" readonly>/)

    const attempt = async (password: string, newPassword: string, confirm = newPassword) => {
      const fields = { username: 'never', password, new_password: newPassword, confirm_password: confirm }
      const response = await submitSignIn(server, changePage, fields)
      return { status: response.status, location: response.headers.get('location'), page: await response.text() }
    }
    expect((await attempt(TEST_PASSWORD, 'brand-new-pass', 'different-pass')).page).toContain('The new passwords do not match.')
    expect((await attempt(TEST_PASSWORD, 'short')).page).toContain('at least 8 characters')
    expect((await attempt(TEST_PASSWORD, TEST_PASSWORD)).page).toContain('must differ from the current one')
    const wrongCurrent = await attempt('not-the-password', 'brand-new-pass')
    expect(wrongCurrent.page).toContain('The current password is incorrect.')
    expect(wrongCurrent.location).toBeNull()

    const done = await attempt(TEST_PASSWORD, 'brand-new-pass')
    expect(done.status).toBe(302)
    const code = new URL(done.location!).searchParams.get('code')!
    const tokens = await tokenCall(server, { grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: REDIRECT_URI })
    expect(await findCaller(server.db, tokens.access_token)).toMatchObject({ username: 'never', restricted: false })

    const [row] = await server.db.query<{ must_change_password: boolean; password_hash: string }>(
      "select must_change_password, password_hash from users where username = 'never'",
    )
    expect(row.must_change_password).toBe(false)
    expect(await verifyPassword('brand-new-pass', row.password_hash)).toBe(true)
    expect(await findCaller(server.db, restricted)).toBeUndefined()
    expect((await generateToken(server, { username: 'never', password: TEST_PASSWORD })).error.code).toBe(400)
  })
})
