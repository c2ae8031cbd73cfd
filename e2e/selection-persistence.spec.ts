import { membersStartingWith, selectionButton } from './actions-support.ts'
import { expect, test } from './support/fixtures.ts'
import { openMembers } from './support/members-page.ts'
import { searchMembers } from './support/portal-api.ts'

test('the selection survives paging, search, filters, sort and a reload, and lists members not on screen', async ({ page, request, adminToken }) => {
  await openMembers(page, 'sort=username')
  const box = (username: string) => page.getByRole('checkbox', { name: `Select ${username}`, exact: true })
  const firstPage = await searchMembers(request, adminToken, { sortField: 'username', sortOrder: 'asc', num: 25 })
  const [a, b] = firstPage.results.map((m) => m.username)
  await box(a!).check()
  await box(b!).check()
  await expect(selectionButton(page, 2)).toBeVisible()

  await page.getByRole('button', { name: 'Next page' }).click()
  await expect(box(a!)).toHaveCount(0)
  const [other] = await membersStartingWith(request, adminToken, 'w')
  await page.getByRole('searchbox', { name: 'Search members' }).fill(other!.username)
  await box(other!.username).check()
  await expect(selectionButton(page, 3)).toBeVisible()

  // Filters and sort change the view, never the selection.
  await openMembers(page, `q=${other!.username}&status=enabled&sort=created&order=desc`)
  await expect(box(other!.username)).toBeChecked()
  await page.reload()
  await expect(selectionButton(page, 3)).toBeVisible()
  await expect(box(other!.username)).toBeChecked()

  await selectionButton(page, 3).click()
  const menu = page.getByRole('menu')
  for (const username of [a, b, other!.username]) await expect(menu.getByRole('menuitem', { name: `Deselect ${username}`, exact: true })).toBeVisible()
  await menu.getByRole('menuitem', { name: `Deselect ${other!.username}`, exact: true }).click()
  await expect(box(other!.username)).not.toBeChecked()
  await expect(selectionButton(page, 2)).toBeVisible()
  await page.keyboard.press('Escape')
  await selectionButton(page, 2).click()
  await page.getByRole('menuitem', { name: 'Clear selection' }).click()
  await expect(page.getByRole('button', { name: /members? selected$/ })).toHaveCount(0)
  // The menu went with the selection; focus did not fall to the page's body.
  await expect(page.getByRole('checkbox', { name: 'Select all on this page' })).toBeFocused()
  // The same when the last member is deselected from the menu.
  await box(other!.username).check()
  await selectionButton(page, 1).click()
  await page.getByRole('menuitem', { name: `Deselect ${other!.username}`, exact: true }).click()
  await expect(page.getByRole('button', { name: /members? selected$/ })).toHaveCount(0)
  await expect(page.getByRole('checkbox', { name: 'Select all on this page' })).toBeFocused()
  await page.reload()
  await expect(page.getByRole('table', { name: 'Members' })).toBeVisible()
  await expect(page.getByRole('button', { name: /members? selected$/ })).toHaveCount(0)
})
