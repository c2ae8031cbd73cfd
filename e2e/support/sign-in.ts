import { expect, type Page } from '@playwright/test'
import { passwordOf } from './env.ts'

import { SESSION_STORAGE_KEY } from '../../src/lib/session-key.ts'

/** Signs in the way a person does: the console's "Sign in", then the portal's own form (OAuth + PKCE). */
export async function signInThroughPortal(page: Page, username: string, password = passwordOf(username)): Promise<void> {
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()
  await page.getByLabel('Username').fill(username)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

/** The saved session as the console stores it (serialized ArcGISIdentityManager). */
export async function savedSession(page: Page): Promise<Record<string, unknown> | null> {
  const raw = await page.evaluate((key) => sessionStorage.getItem(key), SESSION_STORAGE_KEY)
  return raw ? JSON.parse(raw) : null
}
