import { expect, test } from './support/fixtures.ts'
import { expectListToMatch, filterButton, openMembers, pagination, pickFilter } from './support/members-page.ts'
import { searchMembers } from './support/portal-api.ts'

test('the whole view lives in the URL: reload and a pasted link give the same view', async ({ page, request, adminToken }) => {
  const url = 'q=smith&in=lastname&role=org_user&status=enabled&mfa=off&sort=created&order=desc&size=50'
  const q = 'lastname:smith AND role:org_user AND disabled:false AND mfaenabled:false'
  await openMembers(page, url)
  await expect(page.getByRole('searchbox', { name: 'Search members' })).toHaveValue('smith')
  await expect(page.getByRole('combobox', { name: 'Search in' })).toHaveValue('lastname')
  await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('created')
  await expect(page.getByRole('button', { name: 'Sort descending' })).toHaveAttribute('aria-pressed', 'true')
  await expect(pagination(page).getByRole('combobox', { name: 'Rows per page' })).toHaveValue('50')
  for (const chip of ['Role: User', 'Status: Enabled', 'MFA: MFA off'])
    await expect(page.getByRole('button', { name: `Remove filter ${chip}` })).toBeVisible()
  await expectListToMatch(page, request, adminToken, { q, sortField: 'created', sortOrder: 'desc', num: 50 })

  await page.reload()
  await expect(page.getByRole('searchbox', { name: 'Search members' })).toHaveValue('smith')
  await expectListToMatch(page, request, adminToken, { q, sortField: 'created', sortOrder: 'desc', num: 50 })
})

test('Back and Forward step through views', async ({ page, request, adminToken }) => {
  await openMembers(page)
  await pickFilter(page, 'Status', 'Disabled')
  await expect(page).toHaveURL(/\?status=disabled$/)
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption({ label: 'Username' })
  await expect(page).toHaveURL(/\?status=disabled&sort=username$/)
  await expectListToMatch(page, request, adminToken, { q: 'disabled:true', sortField: 'username' })

  await page.goBack()
  await expect(page).toHaveURL(/\?status=disabled$/)
  await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('fullname')
  await expectListToMatch(page, request, adminToken, { q: 'disabled:true' })
  await page.goBack()
  await expect(page.getByRole('button', { name: /^Remove filter/ })).toHaveCount(0)
  await expectListToMatch(page, request, adminToken, {})
  await page.goForward()
  await expect(page.getByRole('button', { name: 'Remove filter Status: Disabled' })).toBeVisible()
  await expectListToMatch(page, request, adminToken, { q: 'disabled:true' })
})

test('Back restores the search box too', async ({ page, request, adminToken }) => {
  await openMembers(page, 'mfa=on')
  await page.getByRole('searchbox', { name: 'Search members' }).fill('grace')
  await expect(page).toHaveURL(/\?q=grace&mfa=on$/)
  await filterButton(page, 'MFA').click()
  await page.getByRole('menu', { name: 'MFA' }).getByRole('menuitemradio', { name: 'MFA on' }).click()
  await expect(page).toHaveURL(/\?q=grace$/)
  await page.goBack()
  await expect(page).toHaveURL(/\?q=grace&mfa=on$/)
  await page.goBack()
  await expect(page.getByRole('searchbox', { name: 'Search members' })).toHaveValue('')
  await expectListToMatch(page, request, adminToken, { q: 'mfaenabled:true' })
})

test('bad or stale URL values fall back to defaults without an error', async ({ page, request, adminToken }) => {
  await openMembers(page, 'in=everything&role=%3Cscript%3E&status=gone&signin=yesterday&login=carrier-pigeon&mfa=2&sort=shoe_size&order=sideways&page=-4&size=7&unknown=1')
  await expect(page.getByRole('alert')).toHaveCount(0)
  await expect(page.getByRole('button', { name: /^Remove filter/ })).toHaveCount(0)
  await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('fullname')
  await expectListToMatch(page, request, adminToken, {})
  // The URL says what is shown: the bad values are gone from it (params the view does not own stay).
  await expect(page).toHaveURL(/\/\?unknown=1$/)
  await openMembers(page, `page=2.5&q=${'x'.repeat(201)}`)
  await expect(page).toHaveURL(/\/$/)

  // A page past the end (a stale link) lands on the last page.
  const { total } = await searchMembers(request, adminToken, { q: 'lastlogin:-1', num: 1 })
  const lastPage = Math.ceil(total / 25)
  // 99999 is past the last page any search can reach (10,000 hits): the same.
  await openMembers(page, 'signin=never&page=99999')
  await expect(page).toHaveURL(lastPage === 1 ? /\?signin=never$/ : new RegExp(`\\?signin=never&page=${lastPage}$`))
  await expectListToMatch(page, request, adminToken, { q: 'lastlogin:-1', start: (lastPage - 1) * 25 + 1 })

  // A role or user type that no longer exists is dropped; the known one stays.
  await openMembers(page, 'role=deletedRole1,org_publisher&type=retiredUT')
  await expect(page).toHaveURL(/\?role=org_publisher$/)
  await expect(page.getByRole('button', { name: /^Remove filter/ })).toHaveCount(1)
  await expect(page.getByRole('alert')).toHaveCount(0)
})
