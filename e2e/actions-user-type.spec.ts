import { dialog, getMember, openRowMenu, pickMembers, selectMembers, showMember, reasonEntry } from './actions-support.ts'
import { expect, test } from './support/fixtures.ts'

test('"Manage user type" for one member asks for a role that fits the new type', async ({ page, request, adminToken }) => {
  const [member] = await pickMembers(request, adminToken, 'h', 1)
  await showMember(page, member!.username)
  await (await openRowMenu(page, member!.username)).getByRole('menuitem', { name: 'Manage user type' }).click()
  const manage = dialog(page, 'Manage user types')
  // One member: their type is named as theirs (the plain member is a Creator).
  await expect(manage.getByRole('radio', { name: 'Creator' })).toHaveAccessibleDescription(/· their current type$/)
  await manage.getByRole('radio', { name: 'Viewer' }).check()
  const confirm = manage.getByRole('button', { name: 'Change user type of 1 member' })
  await expect(confirm).toBeDisabled()
  await expect(manage).toContainText('Choose a role for 1 member whose role does not fit Viewer.')
  const role = manage.getByRole('combobox', { name: 'Role for members whose role does not fit Viewer' })
  // Only roles within the Viewer ceiling are offered.
  await expect(role.locator('option')).toHaveText(['Choose a role…', 'Viewer'])
  await role.selectOption({ label: 'Viewer' })
  await confirm.click()
  await expect(manage).toHaveCount(0)
  const after = await getMember(request, adminToken, member!.username)
  expect(after.userLicenseTypeId).toBe('viewerUT')
  expect(after.roleId).toBe('iAAAAAAAAAAAAAAA')
})

test('shows licenses left, and explains who cannot be lowered or does not get a license', async ({ page, request, adminToken }) => {
  const [plain] = await pickMembers(request, adminToken, 'k', 1)
  await selectMembers(page, ['publisher1', plain!.username])
  // The dialog asks for the user types again as it opens (other tests change seats meanwhile):
  // it must show exactly what that answer says.
  const asked = page.waitForResponse((response) => response.url().includes('/portals/self/userLicenseTypes'))
  await page.getByRole('button', { name: 'Manage user types', exact: true }).click()
  const manage = dialog(page, 'Manage user types')
  const types = (await (await asked).json()) as {
    userLicenseTypes: { id: string; name: string; maxUsers: number; assignedUsers: number }[]
  }
  for (const type of types.userLicenseTypes) {
    const left = type.maxUsers - type.assignedUsers
    await expect(manage.getByRole('radio', { name: type.name, exact: true })).toHaveAccessibleDescription(
      new RegExp(left === 0 ? 'No licenses left' : `^${left} of ${type.maxUsers} licenses left`),
    )
  }

  // A type that cannot own content: publisher1 owns items and a group, so cannot be lowered.
  await manage.getByRole('radio', { name: 'Contributor' }).check()
  const cannot = manage.getByRole('region', { name: 'Cannot change (1)' })
  await expect(reasonEntry(cannot, 'Owns items or groups, which Contributor members cannot own. Move or delete them first.')).toContainText('publisher1')

  // One license left, two members who need one: the second is told so before anything is sent.
  const pro = types.userLicenseTypes.find((t) => t.id === 'GISProfessionalAdvUT')!
  expect(pro.maxUsers - pro.assignedUsers).toBe(1)
  await manage.getByRole('radio', { name: pro.name }).check()
  await expect(manage.getByRole('region', { name: 'Cannot change (1)' })).toContainText(`No ${pro.name} licenses left.`)
  await expect(manage.getByRole('button', { name: 'Change user type of 1 member' })).toBeEnabled()
  await manage.getByRole('button', { name: 'Cancel' }).click()
  await expect(manage).toHaveCount(0)
})
