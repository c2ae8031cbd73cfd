import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestServer, type TestServer } from './harness.ts'

/** Input that reaches no rule: how parameters arrive, and input no handler should ever see. */
let server: TestServer
let admin: string
beforeAll(async () => {
  server = await startTestServer()
  admin = await server.tokenFor('admin')
})
afterAll(() => server?.close())

const postRaw = async (path: string, body: BodyInit, headers: Record<string, string> = {}) =>
  (await fetch(`${server.restUrl}/${path}`, { method: 'POST', body, headers: { authorization: `Bearer ${admin}`, ...headers } })).json()

const form = (pairs: [string, string][]) => new URLSearchParams(pairs)

describe('how parameters arrive', () => {
  test('a multipart body works like a form body', async () => {
    const body = new FormData()
    body.set('f', 'json')
    body.set('users', 'user')
    const answer = await postRaw('portals/self/disableUsers', body)
    expect(answer.results).toEqual([{ username: 'user', status: 'success' }])
    await postRaw('portals/self/enableUsers', form([['f', 'json'], ['users', 'user']]))
  })

  test('the token works in X-Esri-Authorization and Authorization headers', async () => {
    for (const header of ['x-esri-authorization', 'authorization']) {
      const answer = await (await fetch(`${server.restUrl}/community/self?f=json`, { headers: { [header]: `Bearer ${admin}` } })).json()
      expect(answer.username).toBe('admin')
    }
  })

  test('a parameter given twice with different values is refused, not half-applied', async () => {
    const answer = await postRaw('portals/self/disableUsers', form([['f', 'json'], ['users', 'user'], ['users', 'publisher']]))
    expect(answer.error).toMatchObject({ code: 400, messageCode: 'INVALID_PARAMETER' })
    expect(answer.error.message).toContain("'users' was given more than once")
    const user = await server.call('community/users/user', {}, { token: admin })
    expect(user.disabled).toBe(false)
  })

  test('the same value twice is harmless', async () => {
    const answer = await server.call('community/self', {}, { token: admin })
    expect(answer.username).toBe('admin')
    const twice = await (await fetch(`${server.restUrl}/community/self?f=json&f=json&token=${admin}`)).json()
    expect(twice.username).toBe('admin')
  })
})

describe('input no handler sees', () => {
  test('a NUL character in a value, a parameter name or the path is a 400', async () => {
    const inValue = await server.call('portals/self/users/search', { q: 'ad\u0000min' }, { token: admin })
    expect(inValue.error).toMatchObject({ code: 400, messageCode: 'INVALID_PARAMETER' })
    const inName = await postRaw('portals/self/disableUsers', form([['f', 'json'], ['us\u0000ers', 'user']]))
    expect(inName.error).toMatchObject({ code: 400, messageCode: 'INVALID_PARAMETER' })
    const inPath = await (await fetch(`${server.restUrl}/community/users/ad%00min?f=json&token=${admin}`)).json()
    expect(inPath.error).toMatchObject({ code: 400, messageCode: 'INVALID_PARAMETER' })
    const signIn = await postRaw('generateToken', form([['f', 'json'], ['username', 'ad\u0000min'], ['password', 'x'], ['client', 'requestip']]))
    expect(signIn.error).toMatchObject({ code: 400, messageCode: 'INVALID_PARAMETER' })
  })

  test("names of an object's built-in properties are not sort fields or count types", async () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const users = await server.call('portals/self/users/search', { q: '', sortField: name }, { token: admin })
      expect(users.error).toMatchObject({ code: 400, messageCode: 'INVALID_PARAMETER' })
      const groups = await server.call('community/groups', { q: 'owner:owner', sortField: name })
      expect(groups.error).toMatchObject({ code: 400, messageCode: 'INVALID_PARAMETER' })
      const counts = await server.call('portals/self/users/counts', { type: name }, { token: admin })
      expect(counts.error).toMatchObject({ code: 400, messageCode: 'INVALID_PARAMETER' })
    }
  })

  test('a malformed percent-encoding in the path is a 400 (not INVALID_URL, which clients read as "no such operation")', async () => {
    const answer = await (await fetch(`${server.restUrl}/community/users/%E0%A4%A?f=json&token=${admin}`)).json()
    expect(answer.error).toMatchObject({ code: 400, messageCode: 'INVALID_ENCODING' })
  })

  test('a multipart body without a boundary is a 400 that says how to send it', async () => {
    const answer = await postRaw('portals/self/disableUsers', 'users=user', { 'content-type': 'multipart/form-data' })
    expect(answer.error).toMatchObject({ code: 400, messageCode: 'INVALID_BODY' })
  })

  test('a body over 1 MB is refused with 413 and nothing is changed (quality.md)', async () => {
    const before = await server.call('community/users/user', {}, { method: 'GET', token: admin })
    const huge = form([
      ['users', 'user'],
      ['padding', 'x'.repeat(1024 * 1024)],
    ])
    const answer = await postRaw('portals/self/disableUsers', huge, { 'content-type': 'application/x-www-form-urlencoded' })
    expect(answer.error).toMatchObject({ code: 413, messageCode: 'REQUEST_TOO_LARGE' })
    expect(answer.error.message).toMatch(/larger than 1 MB/)
    expect((await server.call('community/users/user', {}, { method: 'GET', token: admin })).disabled).toBe(before.disabled)
  })
})
