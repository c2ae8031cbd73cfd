/**
 * Settings shared by playwright.config.ts (which starts the servers with them)
 * and the tests (which sign in with them). Each server gets a fresh data
 * directory per run, so its seeded organization is the same every time.
 *
 * Two servers: the list specs (read-only, after list.setup.ts) and the action
 * specs (which change members) each get their own organization, so neither
 * sees the other's changes while both run in parallel.
 */
export const LIST_PORT = Number(process.env.E2E_PORT ?? 3100)
export const ACTIONS_PORT = LIST_PORT + 1

// 127.0.0.1, not localhost: Node may resolve localhost to ::1 where the server does not listen.
export const serverUrl = (port: number) => `http://127.0.0.1:${port}`
export const restUrl = (baseURL: string) => `${baseURL.replace(/\/$/, '')}/sharing/rest`

export const CLIENT_ID = 'members-console'
export const ADMIN_USERNAME = 'admin'
export const ADMIN_PASSWORD = 'e2e-Admin-pass-1'
/** Every demo member's password (server/seed/demo.ts), except sso1's. */
export const MEMBER_PASSWORD = 'e2e-Member-pass-1'
export const SEED_MEMBERS = Number(process.env.E2E_SEED_MEMBERS ?? 300)
/** Fixed so generated members (and their names) are the same every run. */
export const SEED = 7

/** Well-known demo accounts (server/seed/demo-accounts.ts). */
export const DEMO = {
  admin2: 'admin2',
  manager: 'manager',
  publisher1: 'publisher1',
  publisher2: 'publisher2',
  user1: 'user1',
  analyst1: 'analyst1',
  viewer1: 'viewer1',
  editor1: 'editor1',
  fieldworker1: 'fieldworker1',
  never1: 'never1',
  disabled1: 'disabled1',
  sso1: 'sso1',
  pro1: 'pro1',
} as const

export function passwordOf(username: string): string {
  return username === ADMIN_USERNAME ? ADMIN_PASSWORD : MEMBER_PASSWORD
}
