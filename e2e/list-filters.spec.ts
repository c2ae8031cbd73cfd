import type { Page } from '@playwright/test'
import { expect, test } from './support/fixtures.ts'
import { expectListToMatch, filterButton, openMembers, pickFilter } from './support/members-page.ts'
import { portalGet } from './support/portal-api.ts'

const DAY = 86_400_000
/** The console rounds its clock to the minute for last sign-in ranges; so does the expected query. */
const nowMinute = () => Math.floor(Date.now() / 60_000) * 60_000

async function closeMenu(page: Page) {
  await page.keyboard.press('Escape')
  await expect(page.getByRole('menu')).toHaveCount(0)
}

const single = [
  { filter: 'Status', option: 'Disabled', url: 'status=disabled', q: () => 'disabled:true' },
  { filter: 'Status', option: 'Enabled', url: 'status=enabled', q: () => 'disabled:false' },
  { filter: 'Last sign-in', option: 'Never signed in', url: 'signin=never', q: () => 'lastlogin:-1' },
  { filter: 'Last sign-in', option: 'Within 7 days', url: 'signin=7d', q: () => `lastlogin:[${nowMinute() - 7 * DAY} TO 9999999999999]` },
  { filter: 'Last sign-in', option: 'Within 30 days', url: 'signin=30d', q: () => `lastlogin:[${nowMinute() - 30 * DAY} TO 9999999999999]` },
  { filter: 'Last sign-in', option: 'Within 90 days', url: 'signin=90d', q: () => `lastlogin:[${nowMinute() - 90 * DAY} TO 9999999999999]` },
  { filter: 'Last sign-in', option: 'Over 90 days ago', url: 'signin=over90d', q: () => `lastlogin:[0 TO ${nowMinute() - 90 * DAY}]` },
  { filter: 'Last sign-in', option: 'Over 1 year ago', url: 'signin=over1y', q: () => `lastlogin:[0 TO ${nowMinute() - 365 * DAY}]` },
  { filter: 'MFA', option: 'MFA on', url: 'mfa=on', q: () => 'mfaenabled:true' },
  { filter: 'MFA', option: 'MFA off', url: 'mfa=off', q: () => 'mfaenabled:false' },
]

test('each single-choice filter alone: status, last sign-in, MFA', async ({ page, request, adminToken }) => {
  test.slow() // one view after another: a dozen round trips
  await openMembers(page)
  for (const { filter, option, url, q } of single) {
    await pickFilter(page, filter, option)
    await expect(page.getByRole('menu')).toHaveCount(0)
    await expect(page).toHaveURL(new RegExp(`\\?${url}$`))
    const chip = page.getByRole('button', { name: `Remove filter ${filter}: ${option}` })
    await expect(chip).toBeVisible()
    await expectListToMatch(page, request, adminToken, { q: q() })
    await chip.click()
    await expect(page).toHaveURL(/\/$/)
  }
})

const multiple = [
  { filter: 'Role', option: 'Administrator', url: 'role=org_admin', q: 'role:org_admin' },
  { filter: 'Role', option: 'Publisher', url: 'role=org_publisher', q: 'role:org_publisher' },
  { filter: 'Role', option: 'User', url: 'role=org_user', q: 'role:org_user' },
  { filter: 'Role', option: 'Viewer', url: 'role=iAAAAAAAAAAAAAAA', q: 'role:iAAAAAAAAAAAAAAA' },
  { filter: 'User type', option: 'Creator', url: 'type=creatorUT', q: 'userlicensetype:creatorUT' },
  { filter: 'User type', option: 'Viewer', url: 'type=viewerUT', q: 'userlicensetype:viewerUT' },
  { filter: 'User type', option: 'GIS Professional Advanced', url: 'type=GISProfessionalAdvUT', q: 'userlicensetype:GISProfessionalAdvUT' },
  { filter: 'Login type', option: 'Built-in', url: 'login=arcgis', q: 'provider:arcgis' },
  { filter: 'Login type', option: 'Enterprise (SSO)', url: 'login=enterprise', q: 'provider:enterprise' },
  { filter: 'Login type', option: 'Social', url: 'login=social', q: '(provider:google OR provider:github OR provider:apple OR provider:facebook)' },
]

test('each multiple-choice filter alone: role, user type, login type', async ({ page, request, adminToken }) => {
  test.slow() // one view after another: a dozen round trips
  await openMembers(page)
  for (const { filter, option, url, q } of multiple) {
    await pickFilter(page, filter, option)
    await closeMenu(page)
    await expect(page).toHaveURL(new RegExp(`\\?${url}$`))
    await expectListToMatch(page, request, adminToken, { q })
    await page.getByRole('button', { name: `Remove filter ${filter}: ${option}` }).click()
    await expect(page).toHaveURL(/\/$/)
  }
})

test('filters combine: values of one filter OR, filters AND; chips remove one at a time; Clear all', async ({ page, request, adminToken }) => {
  await openMembers(page, 'q=a&sort=created')
  await pickFilter(page, 'Role', 'User')
  // The menu stays open while picking several values.
  await page.getByRole('menu', { name: 'Role' }).getByRole('menuitemcheckbox', { name: 'Publisher' }).click()
  await closeMenu(page)
  await pickFilter(page, 'Status', 'Enabled')
  await pickFilter(page, 'Login type', 'Built-in')
  await closeMenu(page)
  await pickFilter(page, 'Last sign-in', 'Within 90 days')
  await expect(page).toHaveURL(/\?q=a&role=org_publisher%2Corg_user&status=enabled&signin=90d&login=arcgis&sort=created$/)
  const signedIn = `lastlogin:[${nowMinute() - 90 * DAY} TO 9999999999999]`
  await expectListToMatch(page, request, adminToken, {
    q: `a AND (role:org_user OR role:org_publisher) AND disabled:false AND ${signedIn} AND provider:arcgis`,
    sortField: 'created',
  })

  // From the keyboard: focus stays among the chips, then goes to the filter bar, never to the page's body.
  const removeUser = page.getByRole('button', { name: 'Remove filter Role: User' })
  const chipNames = await page.getByRole('button', { name: /^Remove filter/ }).evaluateAll((chips) => chips.map((chip) => chip.getAttribute('aria-label')))
  const chipIndex = chipNames.indexOf('Remove filter Role: User')
  await removeUser.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('button', { name: /^Remove filter/ }).nth(chipIndex)).toBeFocused()
  await expectListToMatch(page, request, adminToken, {
    q: `a AND role:org_publisher AND disabled:false AND ${signedIn} AND provider:arcgis`,
    sortField: 'created',
  })

  await page.getByRole('button', { name: 'Clear all filters' }).focus()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\?q=a&sort=created$/)
  await expect(page.getByRole('button', { name: /^Remove filter/ })).toHaveCount(0)
  await expect(page.getByRole('group', { name: 'Filters' }).getByRole('button', { name: 'Role', exact: true })).toBeFocused()
  await expectListToMatch(page, request, adminToken, { q: 'a', sortField: 'created' })
})

test('filter menus show how many members hold each value', async ({ page, adminToken }) => {
  const counts = await portalGet<{ results: { key: string; count: number }[] }>(page.request, adminToken, 'portals/self/users/counts', {
    type: 'userLicenseType',
  })
  const creators = counts.results.find((r) => r.key === 'creatorUT')!.count
  await openMembers(page)
  await filterButton(page, 'User type').click()
  const creator = page.getByRole('menu', { name: 'User type' }).getByRole('menuitemcheckbox', { name: 'Creator', exact: true })
  await expect(creator).toHaveAccessibleDescription(`${creators.toLocaleString('en-US')} members`)
  // Picked, the button's badge is heard as well as seen.
  await creator.click()
  await page.keyboard.press('Escape')
  await expect(filterButton(page, 'User type')).toHaveAccessibleDescription('1 selected')
})

test('filters work from the keyboard alone', async ({ page, request, adminToken }) => {
  await openMembers(page)
  const roleButton = filterButton(page, 'Role')
  await roleButton.focus()
  await page.keyboard.press('Enter')
  const menu = page.getByRole('menu', { name: 'Role' })
  await expect(menu.getByRole('menuitemcheckbox').first()).toBeFocused()
  await page.keyboard.press('ArrowDown') // Publisher
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\?role=org_publisher$/)
  await page.keyboard.press('Escape')
  await expect(menu).toHaveCount(0)
  await expect(roleButton).toBeFocused()
  await expectListToMatch(page, request, adminToken, { q: 'role:org_publisher' })

  await page.keyboard.press('Tab') // User type
  await page.keyboard.press('Tab') // Status
  await expect(filterButton(page, 'Status')).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('menu', { name: 'Status' })).toBeVisible()
  await page.keyboard.press('ArrowDown') // Disabled
  await page.keyboard.press('Enter')
  await expect(page.getByRole('menu')).toHaveCount(0)
  await expect(page).toHaveURL(/\?role=org_publisher&status=disabled$/)
})
