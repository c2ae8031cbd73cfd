import { test as setup } from '@playwright/test'
import { ADMIN_USERNAME } from './support/env.ts'
import { MARKUP_NAME } from './support/odd-members.ts'
import { generateToken, portalPost, searchMembers } from './support/portal-api.ts'

// Runs once before the list specs, so they all see the same organization.
setup('give one generated member a name made of markup', async ({ request }) => {
  const { token } = await generateToken(request, ADMIN_USERNAME)
  // The last username alphabetically: a generated member no spec relies on by name.
  const { results } = await searchMembers(request, token, { sortField: 'username', sortOrder: 'desc', num: 1 })
  await portalPost(request, token, `community/users/${encodeURIComponent(results[0].username)}/update`, MARKUP_NAME)
})
