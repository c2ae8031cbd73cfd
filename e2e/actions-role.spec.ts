import { dialog, getMember, openRowMenu, pickMembers, results, selectionButton, selectMembers, showMember, reasonEntry } from './actions-support.ts'
import { expect, test } from './support/fixtures.ts'
import { portalPost } from './support/portal-api.ts'

const VIEWER_ROLE_ID = 'iAAAAAAAAAAAAAAA'

test('the row dropdown offers only roles that fit the user type, and changes the role', async ({ page, request, adminToken }) => {
  await showMember(page, 'viewer1')
  const viewerRole = page.getByRole('combobox', { name: 'Role for viewer1', exact: true })
  await viewerRole.click()
  const viewerRoles = page.getByRole('listbox', { name: 'Role for viewer1' })
  await expect(viewerRoles.getByRole('option', { name: 'Viewer', exact: true })).toBeEnabled()
  await expect(viewerRoles.getByRole('option', { name: 'Viewer', exact: true })).toHaveAttribute('aria-selected', 'true')
  for (const name of ['Publisher', 'User', 'Data Editor', 'Administrator'])
    await expect(viewerRoles.getByRole('option', { name: new RegExp(`^${name} — Needs more than the Viewer user type allows`) })).toBeDisabled()
  // A role that does not fit cannot be chosen: the list stays, nothing is sent.
  await viewerRoles.getByRole('option', { name: /^Publisher/ }).click({ force: true })
  await expect(viewerRoles).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(viewerRoles).toHaveCount(0)
  await expect(viewerRole).toHaveText('Viewer')

  await showMember(page, 'admin')
  const own = page.getByRole('combobox', { name: 'Role for admin', exact: true })
  await expect(own).toBeDisabled()
  await expect(own).toHaveAccessibleDescription('You cannot change your own role. Ask another administrator.')
  // Locked, yet reachable, and a click or a key says why where the list would open. (Playwright waits for an
  // aria-disabled control to be enabled before clicking: force skips that wait, not the click.)
  const why = page.locator('.combobox-note')
  await own.click({ force: true })
  await expect(own).toBeFocused()
  await expect(why).toHaveText('You cannot change your own role. Ask another administrator.')
  await page.keyboard.press('Escape')
  await expect(why).toHaveCount(0)
  await page.keyboard.press('Enter')
  await expect(why).toBeVisible()
  await page.keyboard.press('Tab')
  await expect(why).toHaveCount(0)

  const [member, byKeyboard] = await pickMembers(request, adminToken, 'b', 2)
  await showMember(page, member!.username)
  const role = page.getByRole('combobox', { name: `Role for ${member!.username}`, exact: true })
  await role.click()
  await page.getByRole('listbox', { name: `Role for ${member!.username}` }).getByRole('option', { name: 'Publisher', exact: true }).click()
  // Busy while the change is sent, until the portal answered and the list refreshed; focus stays put.
  await expect(role).toHaveAttribute('aria-busy', 'false')
  await expect(role).toHaveText('Publisher')
  await expect(role).toBeFocused()
  // Said, as a failure would be.
  await expect(page.getByRole('status').filter({ hasText: `Role of ${member!.username} changed to Publisher.` })).toHaveCount(1)
  expect((await getMember(request, adminToken, member!.username)).role).toBe('org_publisher')

  // By keyboard: arrows open the list without changing anything; typing moves to a role; Enter chooses it.
  await showMember(page, byKeyboard!.username)
  const keyed = page.getByRole('combobox', { name: `Role for ${byKeyboard!.username}`, exact: true })
  await keyed.focus()
  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('listbox', { name: `Role for ${byKeyboard!.username}` })).toBeVisible()
  expect((await getMember(request, adminToken, byKeyboard!.username)).role).toBe('org_user')
  await page.keyboard.type('pub')
  await page.keyboard.press('Enter')
  await expect(keyed).toHaveAttribute('aria-busy', 'false')
  await expect(keyed).toHaveText('Publisher')
  await expect(keyed).toBeFocused()
  expect((await getMember(request, adminToken, byKeyboard!.username)).role).toBe('org_publisher')
})

test('a role change that takes the member out of the filtered view leaves focus on the table, not the page top, and says so', async ({ page, request, adminToken }) => {
  const [member] = await pickMembers(request, adminToken, 'p', 1)
  await page.goto(`/?q=${encodeURIComponent(member!.username)}&in=username&role=org_user`)
  const role = page.getByRole('combobox', { name: `Role for ${member!.username}`, exact: true })
  await role.focus()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.type('pub')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('table', { name: 'Members' })).toContainText('No members match')
  await expect(page.getByRole('table', { name: 'Members' })).toBeFocused()
  // Said, too: a screen reader on the table would otherwise not know where the member went.
  await expect(page.getByRole('status').filter({ hasText: `${member!.username} is no longer on this page.` })).toHaveCount(1)
  expect((await getMember(request, adminToken, member!.username)).role).toBe('org_publisher')
})

test('bulk "Change role" lists who is skipped and why, and reports a member the portal refused', async ({ page, request, adminToken }) => {
  const [first, second, stale] = await pickMembers(request, adminToken, 'ef', 3)
  const chosen = [first!, second!, stale!].map((m) => m.username)
  await selectMembers(page, [...chosen, 'viewer1', 'admin'])
  await expect(selectionButton(page, 5)).toBeVisible()
  // Behind the console's back, the third member becomes a Viewer: the console cannot know, the portal refuses.
  await portalPost(request, adminToken, 'portals/self/updateUserLicenseType', { users: stale!.username, userLicenseType: 'viewerUT', role: VIEWER_ROLE_ID })

  await page.getByRole('button', { name: 'Change role', exact: true }).click()
  const changeRole = dialog(page, 'Change role')
  await changeRole.getByRole('combobox', { name: 'New role' }).selectOption({ label: 'Publisher' })
  const skipped = changeRole.getByRole('region', { name: 'Skipped (2)' })
  await expect(reasonEntry(skipped, 'Needs more than the Viewer user type allows; change the user type first.')).toContainText('viewer1')
  await expect(reasonEntry(skipped, 'You cannot change your own role. Ask another administrator.')).toContainText('admin')
  await changeRole.getByRole('button', { name: 'Change role of 3 members' }).click()

  // One member failed: the dialog stays, says why, and keeps that member selected.
  await expect(changeRole.getByRole('alert')).toContainText('1 member was not changed (2 done)')
  await expect(changeRole.getByRole('alert')).toContainText(`${stale!.username}: The role Publisher does not fit`)
  // The page's own status is heard too, though the modal dialog makes the rest of the page inert.
  const pageStatus = page.getByRole('status').filter({ hasText: 'Change role: 2 done, 2 skipped, 1 failed.' })
  await expect(pageStatus).toHaveCount(1)
  expect(await pageStatus.evaluate((status) => status.closest('[inert], [aria-hidden="true"]')?.outerHTML.slice(0, 80) ?? null)).toBeNull()
  await changeRole.getByRole('button', { name: 'Close' }).click()
  await expect(changeRole).toHaveCount(0)
  await expect(results(page)).toContainText('Change role: 2 done, 2 skipped, 1 failed.')
  await expect(reasonEntry(results(page), 'The role Publisher does not fit')).toContainText(stale!.username)
  await expect(reasonEntry(results(page), 'Needs more than the Viewer user type allows')).toContainText('viewer1')
  await expect(selectionButton(page, 3)).toBeVisible()
  await selectionButton(page, 3).click()
  for (const username of [stale!.username, 'viewer1', 'admin'])
    await expect(page.getByRole('menuitem', { name: `Deselect ${username}`, exact: true })).toBeVisible()
  await page.keyboard.press('Escape')

  for (const member of [first!, second!]) expect((await getMember(request, adminToken, member.username)).role).toBe('org_publisher')
  expect((await getMember(request, adminToken, stale!.username)).roleId).toBe(VIEWER_ROLE_ID)
})

test.describe('as a Member Manager', () => {
  test.use({ asUser: 'manager' })

  test('administrator roles and administrators stay out of reach', async ({ page }) => {
    await showMember(page, 'admin2')
    const adminRole = page.getByRole('combobox', { name: 'Role for admin2', exact: true })
    await expect(adminRole).toBeDisabled()
    await expect(adminRole).toHaveAccessibleDescription('Only a full administrator can change the role of an administrator.')
    // The user type too, said in the menu before anything is picked.
    const manageType = (await openRowMenu(page, 'admin2')).getByRole('menuitem', { name: /^Manage user type/ })
    await expect(manageType).toBeDisabled()
    await expect(manageType).toHaveAccessibleDescription('Only a full administrator can change the user type of an administrator.')
    await page.keyboard.press('Escape')
    await showMember(page, 'user1')
    await page.getByRole('combobox', { name: 'Role for user1', exact: true }).click()
    await expect(page.getByRole('listbox', { name: 'Role for user1' }).getByRole('option', { name: /^Administrator — Only a full administrator/ })).toBeDisabled()
    await page.keyboard.press('Escape')
    await page.getByRole('checkbox', { name: 'Select user1', exact: true }).check()
    await page.getByRole('button', { name: 'Change role', exact: true }).click()
    const options = dialog(page, 'Change role').getByRole('combobox', { name: 'New role' }).locator('option')
    await expect(options.filter({ hasText: 'Administrator (full administrators only)' })).toBeDisabled()
    await expect(options.filter({ hasText: /^Publisher$/ })).toBeEnabled()
    await dialog(page, 'Change role').getByRole('button', { name: 'Cancel' }).click()
    await expect(dialog(page, 'Change role')).toHaveCount(0)
  })
})
