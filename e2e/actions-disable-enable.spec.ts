import { dialog, getMember, openRowMenu, pickMembers, results, selectionButton, selectMembers, showMember, reasonEntry } from './actions-support.ts'
import { expect, test } from './support/fixtures.ts'

const SIGNED_IN = 'provider:arcgis AND disabled:false AND NOT lastlogin:-1 AND NOT role:org_admin'

test('disable and enable in bulk, skipping who cannot be, with reasons', async ({ page, request, adminToken }) => {
  const [a, b, c] = await pickMembers(request, adminToken, 'j', 3, SIGNED_IN)
  await selectMembers(page, [a!.username, b!.username, 'never1', 'admin'])
  await page.getByRole('button', { name: 'Disable', exact: true }).click()
  const disable = dialog(page, 'Disable members')
  const skipped = disable.getByRole('region', { name: 'Skipped (2)' })
  await expect(reasonEntry(skipped, 'Has never signed in; only members who have signed in can be disabled.')).toContainText('never1')
  await expect(reasonEntry(skipped, 'You cannot disable yourself.')).toContainText('admin')
  await expect(disable.getByRole('list', { name: 'Members to disable' }).getByRole('listitem')).toHaveCount(2)
  await disable.getByRole('button', { name: 'Disable 2 members' }).click()
  await expect(disable).toHaveCount(0)
  // The list refreshed around the button that started the run: focus is where it was.
  await expect(page.getByRole('button', { name: 'Disable', exact: true })).toBeFocused()
  await expect(results(page)).toContainText('Disable members: 2 done, 2 skipped, 0 failed.')
  await expect(reasonEntry(results(page), 'Has never signed in')).toContainText('never1')
  for (const m of [a!, b!]) expect((await getMember(request, adminToken, m.username)).disabled).toBe(true)
  // Done members leave the selection; the skipped stay.
  await expect(selectionButton(page, 2)).toBeVisible()

  await selectionButton(page, 2).click()
  await page.getByRole('menuitem', { name: 'Clear selection' }).click()
  await selectMembers(page, [a!.username, b!.username, c!.username])
  await page.getByRole('button', { name: 'Enable', exact: true }).click()
  const enable = dialog(page, 'Enable members')
  await expect(reasonEntry(enable.getByRole('region', { name: 'Skipped (1)' }), 'Already enabled.')).toContainText(c!.username)
  await enable.getByRole('button', { name: 'Enable 2 members' }).click()
  await expect(enable).toHaveCount(0)
  await expect(results(page)).toContainText('Enable members: 2 done, 1 skipped, 0 failed.')
  // Dismissed from the keyboard, the region goes and focus moves on to the table, not the page's top.
  await results(page).getByRole('button', { name: 'Dismiss results' }).focus()
  await page.keyboard.press('Enter')
  await expect(results(page)).toHaveCount(0)
  await expect(page.getByRole('table', { name: 'Members' })).toBeFocused()
  for (const m of [a!, b!]) expect((await getMember(request, adminToken, m.username)).disabled).toBe(false)
})

test('one member from the row menu: "Disable member", then "Enable member"', async ({ page, request, adminToken }) => {
  const [member] = await pickMembers(request, adminToken, 'i', 1, SIGNED_IN)
  await showMember(page, member!.username)
  await (await openRowMenu(page, member!.username)).getByRole('menuitem', { name: 'Disable member' }).click()
  await dialog(page, 'Disable members').getByRole('button', { name: 'Disable 1 member' }).click()
  await expect(dialog(page, 'Disable members')).toHaveCount(0)
  expect((await getMember(request, adminToken, member!.username)).disabled).toBe(true)
  // The list refreshed: the same row now offers "Enable member".
  await (await openRowMenu(page, member!.username)).getByRole('menuitem', { name: 'Enable member' }).click()
  await dialog(page, 'Enable members').getByRole('button', { name: 'Enable 1 member' }).click()
  await expect(dialog(page, 'Enable members')).toHaveCount(0)
  expect((await getMember(request, adminToken, member!.username)).disabled).toBe(false)

  await showMember(page, 'never1')
  const item = (await openRowMenu(page, 'never1')).getByRole('menuitem', { name: 'Disable member' })
  await expect(item).toBeDisabled()
  await expect(item).toHaveAccessibleDescription('Has never signed in; only members who have signed in can be disabled.')
})

test.describe('as a Member Manager', () => {
  test.use({ asUser: 'manager' })

  test('administrators are skipped, with the reason', async ({ page, request, adminToken }) => {
    const [member] = await pickMembers(request, adminToken, 't', 1, SIGNED_IN)
    await selectMembers(page, ['admin2', member!.username])
    await page.getByRole('button', { name: 'Disable', exact: true }).click()
    const disable = dialog(page, 'Disable members')
    await expect(reasonEntry(disable.getByRole('region', { name: 'Skipped (1)' }), 'Only a full administrator can disable an administrator.')).toContainText('admin2')
    await disable.getByRole('button', { name: 'Disable 1 member' }).click()
    await expect(disable).toHaveCount(0)
    expect((await getMember(request, adminToken, member!.username)).disabled).toBe(true)
    expect((await getMember(request, adminToken, 'admin2')).disabled).toBe(false)
  })
})
