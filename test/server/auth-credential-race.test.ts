import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { findCaller } from '../../server/auth/caller.ts'
import { createAuthorizationCode } from '../../server/auth/oauth-codes.ts'
import { signInWithPassword } from '../../server/auth/sign-in.ts'
import { issueToken } from '../../server/auth/tokens.ts'
import { authorizeParams, pkcePair, tokenCall } from './auth-helpers.ts'
import { TEST_PASSWORD } from './fixture.ts'
import { startTestServer, type TestServer } from './harness.ts'

/**
 * A sign-in checks the password, then stores a token. An administrator who
 * resets the password or disables the member in between deletes every token
 * there is, but not the one about to be stored: that token must still never
 * work. These tests stop a sign-in between its two steps, as the race would.
 */
let server: TestServer
let adminToken: string
beforeAll(async () => {
  server = await startTestServer()
  adminToken = await server.tokenFor('admin')
})
afterAll(() => server?.close())

async function checkedCredentials(username: string) {
  const outcome = await signInWithPassword(server.db, { username, password: TEST_PASSWORD, address: '127.0.0.9' })
  if (outcome.status !== 'ok') throw new Error(`sign-in of ${username} failed: ${outcome.status}`)
  return outcome.member
}

describe('a sign-in overlapping a reset or a disable', () => {
  test('generateToken: the token stored after a password reset never works', async () => {
    const member = await checkedCredentials('publisher')
    const reset = await server.call('community/users/publisher/reset', {}, { method: 'POST', token: adminToken })
    expect(reset.success).toBe(true)
    const late = await issueToken(server.db, { userId: member.id, kind: 'access', minutes: 60, credentialVersion: member.credentialVersion })
    expect(await findCaller(server.db, late.token)).toBeUndefined()
  })

  test('a disable ends it too, and enabling the member again does not bring it back', async () => {
    const member = await checkedCredentials('user')
    expect((await server.call('community/users/user/disable', {}, { method: 'POST', token: adminToken })).success).toBe(true)
    const late = await issueToken(server.db, { userId: member.id, kind: 'access', minutes: 60, credentialVersion: member.credentialVersion })
    expect((await server.call('community/users/user/enable', {}, { method: 'POST', token: adminToken })).success).toBe(true)
    expect(await findCaller(server.db, late.token)).toBeUndefined()
    // A sign-in after the change works as usual.
    const fresh = await checkedCredentials('user')
    const token = await issueToken(server.db, { userId: fresh.id, kind: 'access', minutes: 60, credentialVersion: fresh.credentialVersion })
    expect((await findCaller(server.db, token.token))?.username).toBe('user')
  })

  test('OAuth: a code issued from the old credentials cannot be exchanged', async () => {
    const member = await checkedCredentials('owner')
    const { verifier, challenge } = pkcePair()
    const params = authorizeParams(challenge)
    const code = await createAuthorizationCode(server.db, {
      clientId: params.client_id!,
      userId: member.id,
      redirectUri: params.redirect_uri!,
      codeChallenge: challenge,
      refreshMinutes: 60,
      credentialVersion: member.credentialVersion,
    })
    expect((await server.call('community/users/owner/disable', {}, { method: 'POST', token: adminToken })).success).toBe(true)
    expect((await server.call('community/users/owner/enable', {}, { method: 'POST', token: adminToken })).success).toBe(true)
    const exchange = await tokenCall(server, {
      grant_type: 'authorization_code',
      client_id: params.client_id!,
      redirect_uri: params.redirect_uri!,
      code,
      code_verifier: verifier,
    })
    expect(exchange.error).toMatchObject({ error: 'invalid_grant' })
  })

  test('a token for a member deleted meanwhile is refused, not a server error', async () => {
    const member = await checkedCredentials('josé.garcía')
    const removed = await server.call('community/users/josé.garcía/delete', {}, { method: 'POST', token: adminToken })
    expect(removed.success).toBe(true)
    await expect(issueToken(server.db, { userId: member.id, kind: 'access', minutes: 60, credentialVersion: member.credentialVersion })).rejects.toThrow(
      'The account changed while signing in.',
    )
  })
})
