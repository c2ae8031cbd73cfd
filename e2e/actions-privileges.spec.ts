import { dialog, getMember, openRowMenu, pickMembers, showMember } from './actions-support.ts'
import { expect, test } from './support/fixtures.ts'
import { portalPost } from './support/portal-api.ts'

test.describe('a member whose role changes while signed in', () => {
  test.use({ asUser: 'admin4' })

  test('is told, and the page offers only what the new role may do', async ({ page, request, adminToken }) => {
    const [member] = await pickMembers(request, adminToken, 'e', 1)
    const managerRole = (await getMember(request, adminToken, 'manager')).roleId!
    await showMember(page, member!.username)
    // Behind the console's back: a Member Manager may not delete.
    await portalPost(request, adminToken, 'portals/self/updateuserrole', { user: 'admin4', role: managerRole })
    try {
      await (await openRowMenu(page, member!.username)).getByRole('menuitem', { name: 'Delete member' }).click()
      const remove = dialog(page, 'Delete member')
      await remove.getByRole('textbox', { name: `Type ${member!.username} to confirm` }).fill(member!.username)
      await remove.getByRole('button', { name: 'Delete member' }).click()
      await expect(remove.getByRole('alert')).toContainText('1 member was not deleted')
      await expect(page.getByRole('status').filter({ hasText: 'Your role or privileges changed since you signed in.' })).toBeVisible()
      await remove.getByRole('button', { name: 'Close' }).click()
      // The page now goes by the new role: no delete anywhere, and the member is still there.
      await expect(page.getByRole('button', { name: 'Delete', exact: true })).toHaveCount(0)
      await expect((await openRowMenu(page, member!.username)).getByRole('menuitem', { name: 'Delete member' })).toHaveCount(0)
      expect((await getMember(request, adminToken, member!.username)).username).toBe(member!.username)
    } finally {
      await portalPost(request, adminToken, 'portals/self/updateuserrole', { user: 'admin4', role: 'org_admin' })
    }
  })
})
