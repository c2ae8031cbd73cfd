import { expect, test } from './support/fixtures.ts'
import { ADMIN_USERNAME, DEMO } from './support/env.ts'
import { openMembers } from './support/members-page.ts'
import { portalGet } from './support/portal-api.ts'
import { SESSION_STORAGE_KEY as SESSION_KEY } from '../src/lib/session-key.ts'
import { savedSession, signInThroughPortal } from './support/sign-in.ts'

test.use({ asUser: null })

test('signs in through the portal and comes back to the view it started from', async ({ page }) => {
  await page.goto('/?role=org_user&sort=created&order=desc')
  await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible()
  await expect(page.getByRole('table')).toHaveCount(0)
  await signInThroughPortal(page, ADMIN_USERNAME)

  await expect(page.getByRole('table', { name: 'Members' })).toBeVisible()
  await expect(page).toHaveURL(/\/\?role=org_user&sort=created&order=desc$/)
  await expect(page.getByRole('button', { name: 'Remove filter Role: User' })).toBeVisible()
  const banner = page.getByRole('banner')
  await expect(banner).toContainText('Signed in as')
  await expect(banner).toContainText(`(${ADMIN_USERNAME})`)
  await expect(banner.getByRole('button', { name: 'Sign out' })).toBeVisible()
  const portal = await page.request.get('/sharing/rest/portals/self?f=json', {
    params: { token: String((await savedSession(page))?.token) },
  })
  await expect(banner).toContainText((await portal.json()).name)
})

test('keeps the session across a reload, and refreshes an expired access token', async ({ page }) => {
  await page.goto('/')
  await signInThroughPortal(page, ADMIN_USERNAME)
  await expect(page.getByRole('table', { name: 'Members' })).toBeVisible()
  const session = await savedSession(page)
  expect(session?.refreshToken).toBeTruthy()

  await page.reload()
  await expect(page.getByRole('table', { name: 'Members' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Sign in' })).toHaveCount(0)

  // Expire the access token (and make it unusable): the console must get a new one with the refresh token.
  await page.evaluate(
    ([key, value]) => sessionStorage.setItem(key, value),
    [SESSION_KEY, JSON.stringify({ ...session, token: 'expired-token', tokenExpires: Date.now() - 60_000 })] as const,
  )
  await page.reload()
  await expect(page.getByRole('table', { name: 'Members' })).toBeVisible()
  const refreshed = await savedSession(page)
  expect(refreshed?.token).not.toBe('expired-token')
  expect(refreshed?.token).not.toBe(session?.token)
})

test('signing out revokes the session and stays signed out after a reload', async ({ page }) => {
  await page.goto('/')
  await signInThroughPortal(page, ADMIN_USERNAME)
  await expect(page.getByRole('table', { name: 'Members' })).toBeVisible()
  const session = await savedSession(page)
  // Reloaded, the page is the server's first screen adopted by the app (src/app/hydration.ts): its session
  // was made before the app's sign-out existed, and must still reach it.
  await page.addInitScript(() => {
    new MutationObserver(() => {
      const firstScreen = document.getElementById('first-screen')
      if (firstScreen) (window as unknown as { firstScreen: Element }).firstScreen = firstScreen
    }).observe(document, { childList: true, subtree: true })
  })
  await page.reload()
  await expect(page.getByRole('table', { name: 'Members' })).toBeVisible()
  await expect(page.locator('#first-screen')).toHaveCount(0)
  // Adopted: the element the server's page was drawn in is the app's root now (not drawn again beside it).
  expect(await page.evaluate(() => (window as unknown as { firstScreen?: Element }).firstScreen === document.getElementById('root'))).toBe(true)

  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByText('You have signed out.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible()
  expect(await page.evaluate((key) => sessionStorage.getItem(key), SESSION_KEY)).toBeNull()

  // Both tokens are dead on the server, not just forgotten by the browser.
  await expect(portalGet(page.request, String(session?.token), 'community/self')).rejects.toThrow()
  const refresh = await page.request.post('/sharing/rest/oauth2/token', {
    form: { client_id: 'members-console', grant_type: 'refresh_token', refresh_token: String(session?.refreshToken), f: 'json' },
  })
  expect((await refresh.json()).error).toBeTruthy()

  await page.reload()
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible()
  await expect(page.getByRole('table')).toHaveCount(0)
})

test('a member without admin privileges is told so instead of seeing an empty list', async ({ page }) => {
  await page.goto('/')
  await signInThroughPortal(page, DEMO.viewer1)
  await expect(page.getByRole('heading', { level: 1, name: 'You need administrator privileges' })).toBeVisible()
  await expect(page.getByRole('table')).toHaveCount(0)
  await expect(page.getByRole('banner')).toContainText(`(${DEMO.viewer1})`)
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible()
})

test('a custom administrative role that may view members gets the list', async ({ page }) => {
  await page.goto('/')
  await signInThroughPortal(page, DEMO.manager)
  await openMembersVisible(page)
})

async function openMembersVisible(page: import('@playwright/test').Page) {
  await expect(page.getByRole('table', { name: 'Members' })).toBeVisible()
  await openMembers(page)
}
