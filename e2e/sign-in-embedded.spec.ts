import { expect, test } from './support/fixtures.ts'
import { ADMIN_USERNAME, passwordOf } from './support/env.ts'

test.use({ asUser: null })

/**
 * A portal page embedding the console. It is served from the console's own
 * origin (the server's default frame-ancestors is 'self'); Playwright answers
 * for it, so the server needs no test-only route.
 */
async function openEmbedded(page: import('@playwright/test').Page) {
  await page.route('**/embedding-portal-page', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><title>Portal page</title><h1>Our portal</h1><iframe title="Members console" src="/" style="width:1300px;height:800px"></iframe>',
    }),
  )
  await page.goto('/embedding-portal-page')
  return page.frameLocator('iframe[title="Members console"]')
}

test('embedded in a frame, signing in happens in a pop-up and the frame shows the members', async ({ page }) => {
  const frame = await openEmbedded(page)
  await expect(frame.getByRole('button', { name: 'Sign in' })).toBeVisible()

  const popupOpened = page.waitForEvent('popup')
  await frame.getByRole('button', { name: 'Sign in' }).click()
  const popup = await popupOpened
  // The portal's own form, which refuses to be framed, in a window of its own.
  await expect(popup.getByRole('heading', { name: 'Sign in' })).toBeVisible()
  await popup.getByLabel('Username').fill(ADMIN_USERNAME)
  await popup.getByLabel('Password').fill(passwordOf(ADMIN_USERNAME))
  const popupClosed = popup.waitForEvent('close')
  await popup.getByRole('button', { name: 'Sign in' }).click()
  await popupClosed

  await expect(frame.getByRole('table', { name: 'Members' })).toBeVisible()
  await expect(frame.getByRole('banner')).toContainText(`(${ADMIN_USERNAME})`)
  // The host page stayed where it was.
  await expect(page).toHaveURL(/\/embedding-portal-page$/)
  await expect(page.getByRole('heading', { name: 'Our portal' })).toBeVisible()
})

test('embedded, closing the sign-in pop-up leaves the sign-in page as it was', async ({ page }) => {
  const frame = await openEmbedded(page)
  const popupOpened = page.waitForEvent('popup')
  await frame.getByRole('button', { name: 'Sign in' }).click()
  const popup = await popupOpened
  await expect(popup.getByRole('heading', { name: 'Sign in' })).toBeVisible()
  await popup.close()
  await expect(frame.getByRole('button', { name: 'Sign in' })).toBeEnabled()
  await expect(frame.getByRole('alert')).toHaveCount(0)
})
