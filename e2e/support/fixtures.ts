import { type APIRequestContext, test as base, expect } from '@playwright/test'
import { ADMIN_USERNAME, CLIENT_ID, restUrl } from './env.ts'
import { SESSION_STORAGE_KEY as SESSION_KEY } from '../../src/lib/session-key.ts'
import { generateToken, type PortalToken } from './portal-api.ts'

interface TestFixtures {
  /** Who the page is signed in as before the test starts; null = signed out. Override with test.use({ asUser }). */
  asUser: string | null
  /** An admin token for direct API calls (to learn what the list should show). */
  adminToken: string
}

interface WorkerFixtures {
  /** Tokens by username, made once per worker (scrypt makes each sign-in cost real time). */
  tokenFor: (username: string) => Promise<PortalToken>
}

/**
 * `page` comes signed in as `asUser` (default: the organization's first
 * administrator). The session is made with generateToken and put where the
 * console restores it from, so a test starts on the list at once; the real
 * OAuth sign-in has its own specs (sign-in*.spec.ts). Tokens are shared within
 * a worker: a test that revokes a member's sessions (reset password, disable,
 * delete) must not sign in as that member afterwards through `asUser`.
 */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  asUser: [ADMIN_USERNAME, { option: true }],

  tokenFor: [
    async ({ playwright }, use, workerInfo) => {
      const request: APIRequestContext = await playwright.request.newContext({ baseURL: workerInfo.project.use.baseURL })
      const tokens = new Map<string, Promise<PortalToken>>()
      await use((username) => {
        const key = username.toLowerCase()
        if (!tokens.has(key)) tokens.set(key, generateToken(request, username))
        return tokens.get(key)!
      })
      await request.dispose()
    },
    { scope: 'worker' },
  ],

  adminToken: async ({ tokenFor }, use) => {
    await use((await tokenFor(ADMIN_USERNAME)).token)
  },

  page: async ({ page, tokenFor, asUser, baseURL }, use) => {
    // An uncaught exception or unhandled rejection is a defect even when the page looks right.
    const pageErrors: string[] = []
    // A rejection with something other than an Error (an Event, say) comes with neither stack nor message.
    page.on('pageerror', (error) => pageErrors.push(error.stack || error.message || `${error.name}: a rejection that is not an Error`))
    if (asUser) {
      const { token, expires } = await tokenFor(asUser)
      const session = JSON.stringify({ clientId: CLIENT_ID, username: asUser, token, tokenExpires: expires, portal: restUrl(baseURL!), ssl: false })
      // Only once per tab: after the test signs out, a reload must stay signed out.
      await page.addInitScript(
        ([key, value]) => {
          if (sessionStorage.getItem('e2e:session-injected')) return
          sessionStorage.setItem('e2e:session-injected', '1')
          sessionStorage.setItem(key, value)
        },
        [SESSION_KEY, session] as const,
      )
    }
    await use(page)
    expect(pageErrors, 'uncaught errors in the page').toEqual([])
  },
})

export { expect }
