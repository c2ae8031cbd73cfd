import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { SIGN_IN_LIMITS } from '../../server/auth/rate-limit.ts'
import { authorizeParams, generateToken, getAuthorizePage, pkcePair, submitSignIn } from './auth-helpers.ts'
import { TEST_PASSWORD } from './fixture.ts'
import { startTestServer, type TestServer } from './harness.ts'

// Behind a trusted proxy, X-Forwarded-For names the address: each test takes its own.
let server: TestServer
beforeAll(async () => {
  server = await startTestServer({ trustProxy: true })
})
afterAll(() => server?.close())

const from = (address: string) => ({ 'x-forwarded-for': address })
const signIn = (username: string, password: string, address: string) =>
  generateToken(server, { username, password }, from(address))
const LOCKED = { code: 400, messageCode: 'SIGN_IN_LOCKED', message: 'Unable to generate token.' }

describe('per account', () => {
  test('after 5 failures the account is locked, even for the right password and from another address', async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount; i++) {
      expect((await signIn('publisher', 'wrong-password', '10.0.1.1')).error.messageCode).toBe('INVALID_CREDENTIALS')
    }
    const locked = await signIn('publisher', TEST_PASSWORD, '10.0.1.1')
    expect(locked.error).toMatchObject(LOCKED)
    expect(locked.error.details[0]).toMatch(/Wait 15 minutes/)
    expect(locked.token).toBeUndefined()
    expect((await signIn('publisher', TEST_PASSWORD, '10.0.1.2')).error).toMatchObject(LOCKED)
    // An unrelated account on the same address is unaffected.
    expect(typeof (await signIn('viewer', TEST_PASSWORD, '10.0.1.1')).token).toBe('string')
  })

  test('the lock ends with its 15-minute window', async () => {
    for (let i = 0; i <= SIGN_IN_LIMITS.perAccount; i++) await signIn('editor', 'wrong-password', '10.0.2.1')
    expect((await signIn('editor', TEST_PASSWORD, '10.0.2.1')).error).toMatchObject(LOCKED)
    await server.db.query('update sign_in_failures set window_start = window_start - $1', [SIGN_IN_LIMITS.windowMs])
    expect(typeof (await signIn('editor', TEST_PASSWORD, '10.0.2.1')).token).toBe('string')
  })

  test('unknown usernames lock the same way, so a lock-out does not reveal that an account exists', async () => {
    const answers = []
    for (let i = 0; i <= SIGN_IN_LIMITS.perAccount; i++) answers.push(await signIn('nobody-at-all', 'x-password', '10.0.3.1'))
    expect(answers.slice(0, -1).every((a) => a.error.messageCode === 'INVALID_CREDENTIALS')).toBe(true)
    expect(answers.at(-1).error).toMatchObject(LOCKED)
  })

  test('a successful sign-in gives the account a fresh start', async () => {
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < SIGN_IN_LIMITS.perAccount - 1; i++) await signIn('owner', 'wrong-password', '10.0.4.1')
      expect(typeof (await signIn('owner', TEST_PASSWORD, '10.0.4.1')).token).toBe('string')
    }
  })

  test('the OAuth sign-in form shares the limit and says to wait', async () => {
    for (let i = 0; i <= SIGN_IN_LIMITS.perAccount; i++) await signIn('admin2', 'wrong-password', '10.0.5.1')
    const { html } = await getAuthorizePage(server, authorizeParams(pkcePair().challenge))
    const response = await submitSignIn(server, html, { username: 'admin2', password: TEST_PASSWORD }, {
      'sec-fetch-site': 'same-origin',
      ...from('10.0.5.2'),
    })
    expect(response.status).toBe(429)
    expect(response.headers.get('location')).toBeNull()
    expect(await response.text()).toMatch(/Too many failed sign-in attempts\. Wait 15 minutes/)
  })
})

describe('per address', () => {
  test('after 20 failures from one address every sign-in from it is refused; other addresses still sign in', async () => {
    // Spread over several names so no single account reaches its own limit.
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++) {
      const answer = await signIn(`guess-${i % 5}`, 'wrong-password', '10.0.6.1')
      expect(answer.error.messageCode).toBe('INVALID_CREDENTIALS')
    }
    expect((await signIn('user', TEST_PASSWORD, '10.0.6.1')).error).toMatchObject(LOCKED)
    expect(typeof (await signIn('user', TEST_PASSWORD, '10.0.6.2')).token).toBe('string')
  })

  test('successful sign-ins do not use up the address allowance', async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress + 5; i++) {
      expect(typeof (await signIn('josé.garcía', TEST_PASSWORD, '10.0.7.1')).token).toBe('string')
    }
  })
})

describe('without a trusted proxy', () => {
  test('X-Forwarded-For is ignored: changing it does not escape the per-address limit', async () => {
    const direct = await startTestServer()
    try {
      for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++)
        await generateToken(direct, { username: `guess-${i % 5}`, password: 'wrong' }, from(`10.9.9.${i}`))
      const answer = await generateToken(direct, { username: 'user', password: TEST_PASSWORD }, from('10.9.9.200'))
      expect(answer.error).toMatchObject(LOCKED)
    } finally {
      await direct.close()
    }
  })
})
