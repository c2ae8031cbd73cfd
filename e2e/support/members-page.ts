import type { APIRequestContext, Locator, Page } from '@playwright/test'
import { expect } from '@playwright/test'
import { searchMembers } from './portal-api.ts'

/** Ways to look at the Members list as a person would: by role and accessible name. */

export async function openMembers(page: Page, query = ''): Promise<void> {
  await page.goto(query ? `/?${query.replace(/^\?/, '')}` : '/')
  await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible()
}

export function membersTable(page: Page): Locator {
  return page.getByRole('table', { name: 'Members' })
}

/** The cells of one column, found by its header's name. */
export async function columnCells(page: Page, header: string): Promise<Locator> {
  const table = membersTable(page)
  const headers = await table.getByRole('columnheader').allInnerTexts()
  const index = headers.findIndex((text) => text.trim() === header)
  if (index < 0) throw new Error(`No column "${header}" among ${JSON.stringify(headers)}`)
  // Data rows only: the header row holds columnheaders, not cells.
  return table.getByRole('row').filter({ has: page.getByRole('cell') }).locator(`> :nth-child(${index + 1})`)
}

export function pagination(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Pagination' })
}

/** "1–25 of 2,431" */
export function rangeText(start: number, count: number, total: number): string {
  const n = (value: number) => value.toLocaleString('en-US')
  return count ? `${n(start)}–${n(start + count - 1)} of ${n(total)}` : `0 of ${n(total)}`
}

/**
 * The list shows exactly what the portal answers for `params`: the same total
 * and range, and the same members (by email) in the same order.
 */
export async function expectListToMatch(
  page: Page,
  request: APIRequestContext,
  token: string,
  params: { q?: string; sortField?: string; sortOrder?: string; start?: number; num?: number },
): Promise<{ total: number; emails: string[] }> {
  const expected = await searchMembers(request, token, params)
  const emails = expected.results.map((member) => member.email)
  await expect(pagination(page)).toContainText(rangeText(params.start ?? 1, emails.length, expected.total))
  if (emails.length) {
    await expect(await columnCells(page, 'Email')).toHaveText(emails)
  } else {
    await expect(membersTable(page)).toContainText('No members match')
  }
  return { total: expected.total, emails }
}

/** A filter's button ("Role", "User type", …), inside the "Filters" group (column headers share some names). */
export function filterButton(page: Page, name: string): Locator {
  return page.getByRole('group', { name: 'Filters' }).getByRole('button', { name, exact: true })
}

/** Opens a filter and toggles one of its options (checkbox items for several values, radio items for one). */
export async function pickFilter(page: Page, filter: string, option: string): Promise<void> {
  await filterButton(page, filter).click()
  const menu = page.getByRole('menu', { name: filter })
  await menu
    .getByRole('menuitemcheckbox', { name: option, exact: true })
    .or(menu.getByRole('menuitemradio', { name: option, exact: true }))
    .click()
}
