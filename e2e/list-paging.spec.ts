import { expect, test } from './support/fixtures.ts'
import { columnCells, expectListToMatch, membersTable, openMembers, pagination, rangeText } from './support/members-page.ts'
import { searchMembers } from './support/portal-api.ts'

test('pages forward and back, first and last, showing the range', async ({ page, request, adminToken }) => {
  const { total } = await searchMembers(request, adminToken, { num: 1 })
  const lastStart = Math.floor((total - 1) / 25) * 25 + 1
  await openMembers(page)
  const nav = pagination(page)
  await expectListToMatch(page, request, adminToken, {})
  await expect(nav.getByRole('button', { name: 'First page' })).toBeDisabled()
  await expect(nav.getByRole('button', { name: 'Previous page' })).toBeDisabled()

  await nav.getByRole('button', { name: 'Next page' }).click()
  await expect(page).toHaveURL(/\?page=2$/)
  await expectListToMatch(page, request, adminToken, { start: 26 })

  await nav.getByRole('button', { name: 'Last page' }).click()
  await expectListToMatch(page, request, adminToken, { start: lastStart })
  // Read out whole: "301–301 of 301 members", the last word visually hidden.
  await expect(nav.locator('output')).toHaveText(`${rangeText(lastStart, total - lastStart + 1, total)} members`)
  await expect(nav.getByRole('button', { name: 'Next page' })).toBeDisabled()
  await expect(nav.getByRole('button', { name: 'Last page' })).toBeDisabled()
  // Focus stays on the button that reached the end, so keyboard users are not dropped to the page top.
  await expect(nav.getByRole('button', { name: 'Last page' })).toBeFocused()

  await nav.getByRole('button', { name: 'Previous page' }).click()
  await expectListToMatch(page, request, adminToken, { start: lastStart - 25 })
  await nav.getByRole('button', { name: 'First page' }).click()
  await expect(page).toHaveURL(/\/$/)
  await expectListToMatch(page, request, adminToken, {})
})

test('rows per page: 25, 50, 100, and a new size keeps the place (the page holding the first row shown)', async ({ page, request, adminToken }) => {
  test.slow() // one view after another: a dozen round trips
  await openMembers(page, 'page=3')
  const rowsPerPage = pagination(page).getByRole('combobox', { name: 'Rows per page' })
  await expect(rowsPerPage).toHaveValue('25')
  // Rows 51–75 shown: 50 a page shows 51–100.
  await rowsPerPage.selectOption('50')
  await expect(page).toHaveURL(/\?page=2&size=50$/)
  await expectListToMatch(page, request, adminToken, { num: 50, start: 51 })
  await rowsPerPage.selectOption('100')
  await expect(page).toHaveURL(/\?size=100$/)
  await expectListToMatch(page, request, adminToken, { num: 100 })
  await pagination(page).getByRole('button', { name: 'Next page' }).click()
  await expectListToMatch(page, request, adminToken, { num: 100, start: 101 })
  // Rows 101–200 shown: 25 a page shows 101–125.
  await rowsPerPage.selectOption('25')
  await expect(page).toHaveURL(/\?page=5$/)
  await expectListToMatch(page, request, adminToken, { start: 101 })
})

test('the next page is fetched ahead, so it shows without a new request', async ({ page }) => {
  const searches: string[] = []
  page.on('request', (req) => {
    if (req.url().includes('/users/search')) searches.push(new URL(req.url()).searchParams.get('start') ?? '')
  })
  await openMembers(page)
  await expect(await columnCells(page, 'Email')).toHaveCount(25)
  // Page 1 came with the first screen (drawn by the portal server, list-first-screen.spec.ts); page 2 is fetched ahead.
  await expect.poll(() => searches).toEqual(['26'])
  await pagination(page).getByRole('button', { name: 'Next page' }).click()
  await expect(pagination(page)).toContainText('26–50 of')
  // Page 2 came from the cache; only page 3 was fetched ahead.
  await expect.poll(() => searches).toEqual(['26', '51'])
})

test('the table keeps its place while the next page loads', async ({ page }) => {
  await openMembers(page)
  const table = membersTable(page)
  await expect(await columnCells(page, 'Email')).toHaveCount(25)
  // Hold the next-but-one page so the previous rows must stay on screen while it loads.
  let release: () => void = () => {}
  const held = new Promise<void>((resolve) => {
    release = resolve
  })
  await page.route(/users\/search.*start=51/, async (route) => {
    await held
    await route.continue()
  })
  await pagination(page).getByRole('button', { name: 'Next page' }).click()
  await expect(pagination(page)).toContainText('26–50 of')
  const before = await table.boundingBox()
  await pagination(page).getByRole('button', { name: 'Next page' }).click()
  await expect(table).toHaveAttribute('aria-busy', 'true')
  await expect(page.getByRole('progressbar', { name: 'Loading members' })).toBeVisible()
  await expect(await columnCells(page, 'Email')).toHaveCount(25)
  const during = await table.boundingBox()
  expect(during?.y).toBe(before?.y)
  expect(during?.height).toBe(before?.height)
  release()
  await expect(pagination(page)).toContainText('51–75 of')
  await expect(table).toHaveAttribute('aria-busy', 'false')
})
