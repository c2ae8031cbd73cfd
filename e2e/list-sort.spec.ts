import { expect, test } from './support/fixtures.ts'
import { expectListToMatch, membersTable, openMembers } from './support/members-page.ts'

const FIELDS = [
  { label: 'Full name', field: 'fullname' },
  { label: 'Username', field: 'username' },
  { label: 'Date added', field: 'created' },
  { label: 'Last sign-in', field: 'lastlogin' },
  { label: 'Role', field: 'role' },
  { label: 'User type', field: 'userlicensetype' },
]

test('sorts by every field, both ways, from the Sort by menu', async ({ page, request, adminToken }) => {
  test.slow() // one view after another: a dozen round trips
  await openMembers(page)
  const sortBy = page.getByRole('combobox', { name: 'Sort by' })
  const ascending = page.getByRole('button', { name: 'Sort ascending' })
  const descending = page.getByRole('button', { name: 'Sort descending' })
  await expect(sortBy).toHaveValue('fullname')
  await expect(ascending).toHaveAttribute('aria-pressed', 'true')

  for (const { label, field } of FIELDS) {
    await sortBy.selectOption({ label })
    await ascending.click()
    await expectListToMatch(page, request, adminToken, { sortField: field, sortOrder: 'asc' })
    await descending.click()
    await expect(descending).toHaveAttribute('aria-pressed', 'true')
    await expect(ascending).toHaveAttribute('aria-pressed', 'false')
    await expect(page).toHaveURL(/order=desc/)
    await expectListToMatch(page, request, adminToken, { sortField: field, sortOrder: 'desc' })
  }
})

test('column headers sort too, and say how with aria-sort', async ({ page, request, adminToken }) => {
  test.slow() // one view after another: a dozen round trips
  await openMembers(page, 'q=a')
  const table = membersTable(page)
  const header = (name: string) => table.getByRole('columnheader', { name })
  await expect(header('Name')).toHaveAttribute('aria-sort', 'ascending')
  await expect(header('Date added')).toHaveAttribute('aria-sort', 'none')
  await expect(header('Email')).not.toHaveAttribute('aria-sort', /.*/)

  await header('Name').getByRole('button').click()
  await expect(header('Name')).toHaveAttribute('aria-sort', 'descending')
  await expectListToMatch(page, request, adminToken, { q: 'a', sortField: 'fullname', sortOrder: 'desc' })

  // Dates sort newest first on the first click.
  await header('Date added').getByRole('button').click()
  await expect(header('Date added')).toHaveAttribute('aria-sort', 'descending')
  await expect(header('Name')).toHaveAttribute('aria-sort', 'none')
  await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('created')
  await expectListToMatch(page, request, adminToken, { q: 'a', sortField: 'created', sortOrder: 'desc' })

  for (const [name, field] of [['Role', 'role'], ['User type', 'userlicensetype'], ['Last sign-in', 'lastlogin']] as const) {
    await header(name).getByRole('button').click()
    // getAttribute does not wait: read the direction only once the header has taken the sort.
    await expect(header(name)).toHaveAttribute('aria-sort', /^(ascending|descending)$/)
    const first = (await header(name).getAttribute('aria-sort')) === 'ascending' ? 'asc' : 'desc'
    await expectListToMatch(page, request, adminToken, { q: 'a', sortField: field, sortOrder: first })
    await header(name).getByRole('button').click()
    await expect(header(name)).toHaveAttribute('aria-sort', first === 'asc' ? 'descending' : 'ascending')
    await expectListToMatch(page, request, adminToken, { q: 'a', sortField: field, sortOrder: first === 'asc' ? 'desc' : 'asc' })
  }
})
