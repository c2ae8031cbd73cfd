import { selectionButton } from './actions-support.ts'
import { expect, test } from './support/fixtures.ts'
import { columnCells, openMembers } from './support/members-page.ts'
import { searchMembers } from './support/portal-api.ts'

test('at most 100 members: the other boxes are blocked and say why; "select all" adds what fits, says so, and can undo it', async ({ page, request, adminToken }) => {
  await openMembers(page, 'sort=username&size=100')
  await expect(await columnCells(page, 'Email')).toHaveCount(100)
  const selectAll = page.getByRole('checkbox', { name: 'Select all on this page' })
  await selectAll.check()
  await expect(selectionButton(page, 100)).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'Selection full' })).toBeVisible()

  await page.getByRole('button', { name: 'Next page' }).click()
  const secondPage = await searchMembers(request, adminToken, { sortField: 'username', sortOrder: 'asc', start: 101, num: 100 })
  const outside = page.getByRole('checkbox', { name: `Select ${secondPage.results[0]!.username}`, exact: true })
  await expect(outside).toBeDisabled()
  await expect(outside).toHaveAccessibleDescription(/At most 100 members can be selected at once/)
  await expect(selectAll).toBeDisabled()
  await expect(selectAll).toHaveAccessibleDescription(/At most 100 members/)
  // Blocked, not out of reach: the keyboard gets there, and Space changes nothing but says why.
  await outside.focus()
  await page.keyboard.press('Space')
  await expect(outside).not.toBeChecked()
  await expect(outside).toBeFocused()
  await expect(page.getByRole('status').filter({ hasText: /^At most 100 members can be selected at once/ })).toHaveCount(1)
  await expect(selectionButton(page, 100)).toBeVisible()

  // Deselect five (members not on this page) from the menu; "select all" then takes five and says the rest did not fit.
  const firstPage = await searchMembers(request, adminToken, { sortField: 'username', sortOrder: 'asc', start: 1, num: 5 })
  await selectionButton(page, 100).click()
  for (const member of firstPage.results) await page.getByRole('menuitem', { name: `Deselect ${member.username}`, exact: true }).click()
  await page.keyboard.press('Escape')
  await expect(selectionButton(page, 95)).toBeVisible()
  await expect(outside).toBeEnabled()
  // Only five of this page's members fit: the box ends up partly checked.
  await selectAll.click()
  await expect(selectionButton(page, 100)).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'Selected 5 more; 95 on this page were left out' })).toBeVisible()
  await expect(page.getByRole('checkbox', { name: `Select ${secondPage.results[0]!.username}`, exact: true })).toBeChecked()
  await expect(page.getByRole('checkbox', { name: `Select ${secondPage.results[5]!.username}`, exact: true })).toBeDisabled()
  // Partly checked with the selection full: the box undoes what it did, and keeps focus.
  await selectAll.focus()
  await page.keyboard.press('Space')
  await expect(selectionButton(page, 95)).toBeVisible()
  await expect(selectAll).not.toBeChecked()
  await expect(selectAll).toBeFocused()
})
