import { readFile } from 'node:fs/promises'
import { dialog, openRowMenu, pickMembers, selectMembers, showMember } from './actions-support.ts'
import { expect, test } from './support/fixtures.ts'
import { openMembers } from './support/members-page.ts'
import { portalPost, searchMembers } from './support/portal-api.ts'

test('"View profile" shows the details, content by folder, groups and recent changes', async ({ page, request, adminToken }) => {
  await showMember(page, 'publisher1')
  await (await openRowMenu(page, 'publisher1')).getByRole('menuitem', { name: 'View profile' }).click()
  const profile = dialog(page, 'Member profile')
  await expect(profile).toContainText("Pat O'Brien")
  for (const [term, value] of [
    ['Email', 'publisher1@example.com'],
    ['Role', 'Publisher'],
    ['User type', 'Creator'],
    ['Login type', 'Built-in'],
    ['Multi-factor authentication', 'Off'],
    ['Status', 'Enabled'],
  ])
    await expect(profile.getByRole('definition').filter({ has: page.locator(`xpath=preceding-sibling::dt[1][.="${term}"]`) })).toHaveText(value)
  await expect(profile.getByRole('definition').nth(9)).toContainText('used of')
  const content = profile.getByRole('region', { name: 'Content' })
  await expect(content).toContainText('owns 4 items in 2 folders and 1 group')
  await expect(content).toContainText('Home: 2 items')
  await expect(content).toContainText('Maps: 2 items')
  await expect(content).toContainText('Flood Zones')
  await expect(content).toContainText('Groups: Publishing Team')
  await profile.getByRole('button', { name: 'Close' }).click()

  // Groups the member belongs to (user1 is in publisher1's group).
  await showMember(page, 'user1')
  await (await openRowMenu(page, 'user1')).getByRole('menuitem', { name: 'View profile' }).click()
  await expect(dialog(page, 'Member profile').getByRole('region', { name: 'Groups' })).toContainText('Publishing Team')
  await dialog(page, 'Member profile').getByRole('button', { name: 'Close' }).click()

  // Recent changes come from the audit log.
  const [member] = await pickMembers(request, adminToken, 'o', 1)
  await portalPost(request, adminToken, 'portals/self/updateUserRole', { user: member!.username, role: 'org_publisher' })
  await showMember(page, member!.username)
  await (await openRowMenu(page, member!.username)).getByRole('menuitem', { name: 'View profile' }).click()
  const changes = dialog(page, 'Member profile').getByRole('region', { name: 'Recent changes' })
  await expect(changes.getByRole('listitem').first()).toContainText('Role changed by admin')
  await expect(changes.getByRole('listitem').first()).toContainText('Role: User → Publisher')
})

test('"Export CSV" of the whole current view pages through every matching member', async ({ page, request, adminToken }) => {
  await openMembers(page, 'status=enabled')
  await page.getByRole('button', { name: 'Export CSV' }).click()
  const expected = await searchMembers(request, adminToken, { q: 'disabled:false', num: 1 })
  expect(expected.total).toBeGreaterThan(100)
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: `Current view (${expected.total.toLocaleString('en-US')} members)` }).click(),
  ])
  const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '')
  const lines = csv.trimEnd().split('\r\n')
  expect(lines[0]).toBe('Username,Full name,Email,Role,User type,Status,Login type,MFA,Last sign-in,Created')
  expect(lines).toHaveLength(expected.total + 1)
  expect(new Set(lines.slice(1).map((line) => line.split(',')[0])).size).toBe(expected.total)
  expect(lines.slice(1).every((line) => line.includes(',Enabled,'))).toBe(true)
  await expect(page.getByRole('status').filter({ hasText: `Exported ${expected.total.toLocaleString('en-US')} members.` })).toBeVisible()
})

test('"Export CSV" of the selection', async ({ page }) => {
  await selectMembers(page, ['publisher1', 'sso1'])
  await page.getByRole('button', { name: 'Export CSV' }).click()
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Selected members (2)' }).click()])
  const lines = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '').trimEnd().split('\r\n')
  expect(lines).toHaveLength(3)
  expect(lines[1]).toMatch(/^publisher1,Pat O'Brien,publisher1@example.com,Publisher,Creator,Enabled,Built-in,Off,/)
  expect(lines[2]).toMatch(/^sso1,Sam Single,sam.single@corp.example.com,User,Creator,Enabled,Enterprise \(SSO\),/)
})
