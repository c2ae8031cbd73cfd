import AxeBuilder from '@axe-core/playwright'
import { expect, test } from './support/fixtures.ts'
import { MARKUP_FULL_NAME } from './support/odd-members.ts'
import { columnCells, filterButton, membersTable, openMembers } from './support/members-page.ts'
import { searchMembers } from './support/portal-api.ts'

test('a member whose name is markup is shown as text, and nothing runs', async ({ page, request, adminToken }) => {
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  const { results } = await searchMembers(request, adminToken, { sortField: 'username', sortOrder: 'desc', num: 1 })
  const member = results[0]
  expect(member.fullName).toBe(MARKUP_FULL_NAME)

  await openMembers(page, `q=${encodeURIComponent(member.username)}&in=username`)
  await expect(await columnCells(page, 'Email')).toHaveText([member.email])
  await expect(membersTable(page).getByRole('cell', { name: MARKUP_FULL_NAME })).toBeVisible()
  await expect(membersTable(page).getByRole('img')).toHaveCount(0)
  await expect(page).toHaveTitle('Members')
  expect(dialogs).toEqual([])
})

test('says when nothing matches, and offers to clear search and filters', async ({ page, request, adminToken }) => {
  await openMembers(page, 'q=zzzzqqqq&status=disabled')
  await expect(membersTable(page)).toContainText('No members match')
  // Read out as a sentence (its end visually hidden: the table says "No members match" on screen).
  await expect(page.getByRole('navigation', { name: 'Pagination' }).locator('output')).toHaveText('0 of 0: no members match')
  await page.getByRole('button', { name: 'Clear search and filters' }).click()
  await expect(page).toHaveURL(/\/$/)
  const { total } = await searchMembers(request, adminToken, { num: 1 })
  await expect(page.getByRole('navigation', { name: 'Pagination' })).toContainText(`of ${total.toLocaleString('en-US')}`)
})

test('says what failed and retries', async ({ page }) => {
  // The first screen fails too (its search is made by the portal server): the console's own request explains.
  const failing = /users\/search|console\/firstScreen/i
  await page.route(failing, (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ error: { code: 400, messageCode: 'TEST', message: 'The search service is resting.', details: [] } }),
    }),
  )
  await openMembers(page)
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('Could not load members.')
  await expect(alert).toContainText('The search service is resting.')
  await page.unroute(failing)
  await alert.getByRole('button', { name: 'Retry' }).click()
  await expect(page.getByRole('alert')).toHaveCount(0)
  await expect(await columnCells(page, 'Email')).toHaveCount(25)
})

test('an expired session sends you to sign in again', async ({ page }) => {
  await openMembers(page)
  await expect(await columnCells(page, 'Email')).toHaveCount(25)
  // Only the search typed below: the list's prefetch of its next page may still be on its way, and
  // answering it 498 would end the session before the search box is filled.
  await page.route(/users\/search.*anyone/, (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ error: { code: 498, message: 'Invalid token.', details: [] } }) }),
  )
  await page.getByRole('searchbox', { name: 'Search members' }).fill('anyone')
  await expect(page.getByText('Your session has ended. Please sign in again.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible()
})

test('no accessibility violations: the list, with filters and an open menu', async ({ page }) => {
  // Three axe scans of a full page: ~20 s alone, over 30 s while the other worker is busy.
  test.slow()
  await openMembers(page, 'role=org_user&mfa=off')
  await expect(await columnCells(page, 'Email')).toHaveCount(25)
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])

  await filterButton(page, 'User type').click()
  await expect(page.getByRole('menu', { name: 'User type' })).toBeVisible()
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])

  // A row's role dropdown, open (a combobox and its listbox, drawn over the table from the row's cell).
  await page.keyboard.press('Escape')
  await page.getByRole('combobox', { name: /^Role for / }).first().click()
  await expect(page.getByRole('listbox', { name: /^Role for / })).toBeVisible()
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])

  // A row's ⋯ menu (react-aria draws its popover as a dialog, which needs a name).
  await page.keyboard.press('Escape')
  await membersTable(page).getByRole('button', { name: /^More options for / }).first().click()
  await expect(page.getByRole('menu')).toBeVisible()
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])
})

test.describe('signed out', () => {
  test.use({ asUser: null })
  test('no accessibility violations on the sign-in page', async ({ page }) => {
    await page.goto('/')
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible()
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])
  })
})

test.describe('as a member without admin privileges', () => {
  test.use({ asUser: 'user1' })
  test('no accessibility violations on the no-access page', async ({ page }) => {
    await page.goto('/')
    await expect(page.getByRole('heading', { name: 'You need administrator privileges' })).toBeVisible()
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])
  })
})

test('keyboard only: skip link, search, sort header, paging, with visible focus', async ({ page }) => {
  await openMembers(page)
  await expect(await columnCells(page, 'Email')).toHaveCount(25)
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: 'Skip to content' })
  await expect(skip).toBeFocused()
  await expect(skip).toBeInViewport()
  await page.keyboard.press('Enter')
  await page.keyboard.press('Tab')
  const search = page.getByRole('searchbox', { name: 'Search members' })
  await expect(search).toBeFocused()
  const outline = await search.evaluate((el) => getComputedStyle(el.closest('label') ?? el).outlineStyle)
  expect(outline).not.toBe('none')
  await page.keyboard.type('smith')
  await expect(page).toHaveURL(/\?q=smith$/)

  const nameHeader = membersTable(page).getByRole('columnheader', { name: 'Name' })
  await nameHeader.getByRole('button').focus()
  await page.keyboard.press('Enter')
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending')
})

test("a menu whose code cannot be fetched says so in full, and opens once the connection is back", async ({ page }) => {
  const menuCode = /\/assets\/(row-actions-popover|Menu|Popover)-[\w-]+\.js$/
  await page.route(menuCode, (route) => route.abort('internetdisconnected'))
  await openMembers(page)
  const more = membersTable(page).getByRole('button', { name: /^More options for / }).first()
  await more.click()
  const alert = page.getByRole('alert').filter({ hasText: 'could not be loaded' })
  await expect(alert).toBeVisible()
  // Whole, inside the window: not clipped by the table or cut off by the cell's nowrap.
  const box = (await alert.boundingBox())!
  const viewport = page.viewportSize()!
  expect(box.x).toBeGreaterThanOrEqual(0)
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width)
  expect(await alert.locator('p').evaluate((p) => p.scrollWidth <= p.clientWidth)).toBe(true)

  await page.unroute(menuCode)
  await alert.getByRole('button', { name: 'Try again' }).click()
  await expect(alert).toHaveCount(0)
  await expect(page.getByRole('menu')).toBeVisible()
})

test('the row ⋯ button and its focus ring fit inside their cell, which clips what overflows it', async ({ page }) => {
  await openMembers(page)
  const more = membersTable(page).getByRole('button', { name: /^More options for / }).first()
  await more.focus()
  const { cell, ring } = await more.evaluate((button) => {
    const style = getComputedStyle(button)
    const reach = Number.parseFloat(style.outlineWidth) + Number.parseFloat(style.outlineOffset)
    const r = button.getBoundingClientRect()
    const c = button.closest('td')!.getBoundingClientRect()
    return { cell: { left: c.left, right: c.right }, ring: { left: r.left - reach, right: r.right + reach } }
  })
  expect(ring.left).toBeGreaterThanOrEqual(cell.left)
  expect(ring.right).toBeLessThanOrEqual(cell.right)
})
