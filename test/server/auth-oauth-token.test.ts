import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { findCaller } from '../../server/auth/caller.ts'
import { CONSOLE_CLIENT_ID } from '../../server/console.ts'
import { authorizationCode, pkcePair, postForm, tokenCall } from './auth-helpers.ts'
import { REDIRECT_URI, TEST_PASSWORD } from './fixture.ts'
import { startTestServer, type TestServer } from './harness.ts'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server?.close())

async function signedInCode(username = 'user') {
  const { verifier, challenge } = pkcePair()
  return { verifier, code: await authorizationCode(server, username, TEST_PASSWORD, challenge) }
}

const exchange = (code: string, verifier: string, extra: Record<string, string> = {}) =>
  tokenCall(server, { grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: REDIRECT_URI, ...extra })

const works = async (token: string) => (await findCaller(server.db, token)) !== undefined

function oauthError(code: number, error: string) {
  return { error: { code, error, error_description: expect.any(String), message: expect.any(String) } }
}

describe('authorization code + PKCE', () => {
  test('code → tokens → refresh → exchange refresh token → revoke ends the session', async () => {
    const { code, verifier } = await signedInCode()
    const tokens = await exchange(code, verifier)
    expect(Object.keys(tokens).sort()).toEqual(
      ['access_token', 'expires_in', 'refresh_token', 'refresh_token_expires_in', 'ssl', 'username'].sort(),
    )
    expect(tokens).toMatchObject({ username: 'user', ssl: false })
    expect(tokens.expires_in).toBeGreaterThan(29 * 60)
    expect(tokens.expires_in).toBeLessThanOrEqual(30 * 60)
    expect(tokens.refresh_token_expires_in).toBeGreaterThan(20160 * 60 - 60)
    expect(await findCaller(server.db, tokens.access_token)).toMatchObject({ username: 'user', restricted: false })
    // A refresh token is not an access token.
    expect(await works(tokens.refresh_token)).toBe(false)

    const refreshed = await tokenCall(server, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token })
    expect(Object.keys(refreshed).sort()).toEqual(['access_token', 'expires_in', 'ssl', 'username'])
    expect(await works(refreshed.access_token)).toBe(true)

    const exchanged = await tokenCall(server, {
      grant_type: 'exchange_refresh_token',
      refresh_token: tokens.refresh_token,
      redirect_uri: REDIRECT_URI,
    })
    expect(exchanged.refresh_token).toEqual(expect.any(String))
    expect(exchanged.refresh_token).not.toBe(tokens.refresh_token)
    expect(await works(exchanged.access_token)).toBe(true)
    // The exchanged refresh token is retired.
    expect(await tokenCall(server, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token })).toEqual(
      oauthError(498, 'invalid_grant'),
    )

    const revoked = await (
      await postForm(`${server.restUrl}/oauth2/revokeToken/`, {
        f: 'json',
        client_id: CONSOLE_CLIENT_ID,
        auth_token: exchanged.refresh_token,
        token_type_hint: 'refresh_token',
      })
    ).json()
    expect(revoked).toEqual({ success: true })
    for (const token of [tokens.access_token, refreshed.access_token, exchanged.access_token]) expect(await works(token)).toBe(false)
    expect(await tokenCall(server, { grant_type: 'refresh_token', refresh_token: exchanged.refresh_token })).toEqual(
      oauthError(498, 'invalid_grant'),
    )
  })

  test('a wrong verifier is refused and leaves the code usable with the right one', async () => {
    const { code, verifier } = await signedInCode()
    expect(await exchange(code, pkcePair().verifier)).toEqual(oauthError(400, 'invalid_grant'))
    expect(await exchange(code, 'short')).toEqual(oauthError(400, 'invalid_grant'))
    expect((await exchange(code, verifier)).access_token).toEqual(expect.any(String))
  })

  test('a missing verifier is an invalid request', async () => {
    const { code } = await signedInCode()
    expect(await tokenCall(server, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI })).toEqual({
      error: { code: 400, error: 'invalid_request', error_description: 'code_verifier not specified', message: 'code_verifier not specified' },
    })
  })

  test('a reused code is refused and revokes every token it issued', async () => {
    const { code, verifier } = await signedInCode()
    const first = await exchange(code, verifier)
    const refreshed = await tokenCall(server, { grant_type: 'refresh_token', refresh_token: first.refresh_token })
    expect(await works(refreshed.access_token)).toBe(true)
    expect(await exchange(code, verifier)).toEqual(oauthError(400, 'invalid_grant'))
    expect(await works(first.access_token)).toBe(false)
    expect(await works(refreshed.access_token)).toBe(false)
    expect((await tokenCall(server, { grant_type: 'refresh_token', refresh_token: first.refresh_token })).error.code).toBe(498)
  })

  test('the code is bound to its redirect_uri and client, and expires', async () => {
    const { code, verifier } = await signedInCode()
    expect(await exchange(code, verifier, { redirect_uri: `${REDIRECT_URI}/other` })).toEqual(oauthError(400, 'invalid_grant'))

    const [{ org_id }] = await server.db.query<{ org_id: string }>('select org_id from oauth_clients where client_id = $1', [CONSOLE_CLIENT_ID])
    await server.db.query("insert into oauth_clients (client_id, org_id, name, redirect_uris) values ('other-app', $1, 'Other', $2)", [
      org_id,
      [REDIRECT_URI],
    ])
    expect(await exchange(code, verifier, { client_id: 'other-app' })).toEqual(oauthError(400, 'invalid_grant'))
    expect(await exchange(code, verifier, { client_id: 'never-registered' })).toEqual(oauthError(400, 'invalid_client'))

    await server.db.query('update oauth_codes set expires = $1', [Date.now() - 1])
    expect(await exchange(code, verifier)).toEqual(oauthError(400, 'invalid_grant'))
  })

  test('a code minted for a member who is then disabled yields no token', async () => {
    const { code, verifier } = await signedInCode('admin2')
    await server.db.query("update users set disabled = true where username = 'admin2'")
    try {
      expect(await exchange(code, verifier)).toEqual(oauthError(400, 'invalid_grant'))
    } finally {
      await server.db.query("update users set disabled = false where username = 'admin2'")
    }
  })
})

describe('token endpoint errors', () => {
  test('unsupported grant, unknown code, refresh token of another client, GET', async () => {
    expect(await tokenCall(server, { grant_type: 'password' })).toEqual(oauthError(400, 'unsupported_grant_type'))
    expect(await exchange('no-such-code', pkcePair().verifier)).toEqual(oauthError(400, 'invalid_grant'))
    const { code, verifier } = await signedInCode()
    const tokens = await exchange(code, verifier)
    const other = await tokenCall(server, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: 'other-app' })
    expect(other).toEqual(oauthError(498, 'invalid_grant'))
    expect(
      await tokenCall(server, { grant_type: 'exchange_refresh_token', refresh_token: tokens.refresh_token, redirect_uri: 'http://evil.example/cb' }),
    ).toEqual(oauthError(400, 'invalid_request'))
    const viaGet = await (await fetch(`${server.restUrl}/oauth2/token?f=json&grant_type=refresh_token`)).json()
    expect(viaGet).toEqual(oauthError(400, 'invalid_request'))
  })

  test('revokeToken: another client may not revoke; an unknown token is already revoked; generateToken tokens can be revoked', async () => {
    const { code, verifier } = await signedInCode()
    const tokens = await exchange(code, verifier)
    const revoke = async (fields: Record<string, string>) =>
      (await postForm(`${server.restUrl}/oauth2/revokeToken`, { f: 'json', ...fields })).json()
    expect(await revoke({ client_id: 'other-app', auth_token: tokens.access_token })).toEqual(oauthError(400, 'unauthorized_client'))
    expect(await works(tokens.access_token)).toBe(true)
    expect(await revoke({ client_id: CONSOLE_CLIENT_ID, auth_token: 'not-a-token' })).toEqual({ success: true })
    expect(await revoke({ client_id: CONSOLE_CLIENT_ID })).toEqual(oauthError(400, 'invalid_request'))

    const plain = await server.tokenFor('viewer')
    expect(await revoke({ auth_token: plain })).toEqual({ success: true })
    expect(await works(plain)).toBe(false)
  })
})
