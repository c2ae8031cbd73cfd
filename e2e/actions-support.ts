import type { APIRequestContext, Locator, Page } from '@playwright/test'
import { expect } from '@playwright/test'
import { portalGet } from './support/portal-api.ts'

/**
 * Helpers for the selection and action specs. Tests share one database and
 * run in parallel, so each mutating test draws its members from its own
 * first letters of usernames (a username never changes), filtered by what the
 * test needs at the moment it starts.
 */

export interface PortalMember {
  username: string
  fullName: string
  email: string
  role: string
  roleId?: string
  userLicenseTypeId: string
  disabled: boolean
  lastLogin: number
  provider: string
}

interface SearchPage {
  total: number
  results: PortalMember[]
}

/** Members whose username starts with one of `letters`, matching `q` as well (a portal query), by username. */
export async function membersStartingWith(request: APIRequestContext, token: string, letters: string, q?: string): Promise<PortalMember[]> {
  const found: PortalMember[] = []
  for (const letter of letters) {
    const query = [`username:${letter}*`, q].filter(Boolean).join(' AND ')
    const page = await portalGet<SearchPage>(request, token, 'portals/self/users/search', { q: query, num: 100, sortField: 'username', sortOrder: 'asc' })
    found.push(...page.results.filter((m) => m.username.toLowerCase().startsWith(letter)))
  }
  return found
}

/** Plain members who can take any action: built-in login, signed in, enabled, Creator type, User role. */
export const PLAIN_MEMBER = 'provider:arcgis AND disabled:false AND userlicensetype:creatorUT AND role:org_user AND NOT lastlogin:-1'

export async function pickMembers(request: APIRequestContext, token: string, letters: string, count: number, q = PLAIN_MEMBER): Promise<PortalMember[]> {
  const found = await membersStartingWith(request, token, letters, q)
  if (found.length < count) throw new Error(`Need ${count} members starting with [${letters}] matching ${q}; found ${found.length}`)
  return found.slice(0, count)
}

export function getMember(request: APIRequestContext, token: string, username: string): Promise<PortalMember> {
  return portalGet<PortalMember>(request, token, `community/users/${encodeURIComponent(username)}`)
}

/** Shows one member in the list (username search) so their row can be used. */
export async function showMember(page: Page, username: string): Promise<Locator> {
  await page.goto(`/?q=${encodeURIComponent(username)}&in=username`)
  const row = memberRow(page, username)
  await expect(row).toBeVisible()
  return row
}

export function memberRow(page: Page, username: string): Locator {
  return page.getByRole('table', { name: 'Members' }).getByRole('row').filter({ has: page.getByRole('checkbox', { name: `Select ${username}`, exact: true }) })
}

export async function selectOnPage(page: Page, usernames: readonly string[]): Promise<void> {
  for (const username of usernames) await page.getByRole('checkbox', { name: `Select ${username}`, exact: true }).check()
}

/** Selects each member by searching for them, as an administrator gathering a selection would. */
export async function selectMembers(page: Page, usernames: readonly string[]): Promise<void> {
  for (const username of usernames) {
    await showMember(page, username)
    await page.getByRole('checkbox', { name: `Select ${username}`, exact: true }).check()
  }
}

export function selectionButton(page: Page, count: number): Locator {
  return page.getByRole('button', { name: count === 1 ? '1 member selected' : `${count} members selected` })
}

export async function openRowMenu(page: Page, username: string): Promise<Locator> {
  await page.getByRole('button', { name: `More options for ${username}`, exact: true }).click()
  return page.getByRole('menu')
}

export function dialog(page: Page, name: string): Locator {
  return page.getByRole('dialog', { name })
}

/**
 * The entry for one reason in a list grouped by reason (a dialog's "Skipped" or "Cannot change", the
 * Results' groups): it names every member the reason applies to. Expect it to contain them.
 */
export function reasonEntry(list: Locator, reason: string): Locator {
  return list.getByRole('listitem').filter({ hasText: reason })
}

export function results(page: Page): Locator {
  return page.getByRole('region', { name: 'Results' })
}
