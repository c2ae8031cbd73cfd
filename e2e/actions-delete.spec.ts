import type { APIRequestContext } from '@playwright/test'
import {
  dialog,
  getMember,
  membersStartingWith,
  openRowMenu,
  PLAIN_MEMBER,
  pickMembers,
  type PortalMember,
  reasonEntry,
  results,
  selectionButton,
  selectMembers,
  showMember,
} from './actions-support.ts'
import { expect, test } from './support/fixtures.ts'
import { portalGet, portalPost } from './support/portal-api.ts'

interface Content {
  items: { id: string; title: string }[]
  folders: { id: string; title: string }[]
}

interface Holdings {
  /** Folder title ('' = root) → item ids. */
  folders: Map<string, string[]>
  groups: string[]
}

async function holdings(request: APIRequestContext, token: string, username: string): Promise<Holdings> {
  const root = await portalGet<Content>(request, token, `content/users/${username}`, { num: 100 })
  const folders = new Map<string, string[]>([['', root.items.map((i) => i.id)]])
  for (const folder of root.folders) {
    const inside = await portalGet<Content>(request, token, `content/users/${username}/${folder.id}`, { num: 100 })
    folders.set(folder.title, inside.items.map((i) => i.id))
  }
  const groups = await portalGet<{ results: { id: string }[] }>(request, token, 'community/groups', { q: `owner:"${username}"`, num: 100 })
  return { folders, groups: groups.results.map((g) => g.id) }
}

const itemCount = (h: Holdings) => [...h.folders.values()].reduce((n, ids) => n + ids.length, 0)

async function owners(request: APIRequestContext, token: string, letters: string, count: number): Promise<{ member: PortalMember; owned: Holdings }[]> {
  const found: { member: PortalMember; owned: Holdings }[] = []
  for (const member of await membersStartingWith(request, token, letters, 'disabled:false AND NOT role:org_admin')) {
    const owned = await holdings(request, token, member.username)
    if (itemCount(owned) + owned.groups.length > 0) found.push({ member, owned })
    if (found.length === count) return found
  }
  throw new Error(`Need ${count} members owning content starting with [${letters}]; found ${found.length}`)
}

/** A plain member who owns nothing (so deleting them needs no receiver). */
async function nonOwner(request: APIRequestContext, token: string, letters: string): Promise<PortalMember> {
  for (const member of await membersStartingWith(request, token, letters, PLAIN_MEMBER)) {
    const owned = await holdings(request, token, member.username)
    if (itemCount(owned) + owned.groups.length === 0) return member
  }
  throw new Error(`No plain member owning nothing starts with [${letters}]`)
}

async function expectGone(request: APIRequestContext, token: string, username: string) {
  await expect(portalGet(request, token, `community/users/${username}`)).rejects.toThrow('User does not exist or is inaccessible.')
}

async function pickReceiver(page: import('@playwright/test').Page, name: string, receiver: string) {
  const picker = dialog(page, name).getByRole('combobox', { name: 'Give their content to' })
  await picker.fill(receiver)
  await page.getByRole('option', { name: new RegExp(`\\(${receiver}\\)$`) }).click()
  await expect(picker).toHaveValue(new RegExp(`\\(${receiver}\\)$`))
}

test('delete with reassign: everything moves to the receiver, then the members are deleted', async ({ page, request, adminToken }) => {
  const found = await owners(request, adminToken, 'ls', 2)
  const plain = await nonOwner(request, adminToken, 'ls')
  const [receiver] = await pickMembers(request, adminToken, 'm', 1)
  const before = await holdings(request, adminToken, receiver!.username)
  const deleting = [...found.map((f) => f.member.username), plain.username]
  await selectMembers(page, deleting)

  await page.getByRole('button', { name: 'Delete', exact: true }).click()
  const remove = dialog(page, 'Delete members')
  const owned = remove.getByRole('list', { name: 'What each member owns' })
  for (const { member, owned: h } of found) {
    // What they own none of is left out: "owns 2 groups", not "owns 0 items and 2 groups".
    const first = itemCount(h) > 0 ? `${itemCount(h)} items?` : `${h.groups.length} groups?`
    await expect(owned).toContainText(new RegExp(`\\(${member.username}\\): owns ${first}`))
  }
  await expect(owned).toContainText(`(${plain.username}): owns no items or groups.`)

  // Members being deleted are not offered as receivers.
  const picker = remove.getByRole('combobox', { name: 'Give their content to' })
  await picker.fill(found[0]!.member.username)
  await expect(page.getByRole('listbox')).toContainText('No eligible member matches.')
  await pickReceiver(page, 'Delete members', receiver!.username)

  const confirm = remove.getByRole('button', { name: 'Delete 3 members' })
  await expect(confirm).toBeDisabled()
  await remove.getByRole('textbox', { name: 'Type 3 to confirm' }).fill('3')
  await confirm.click()
  await expect(remove).toHaveCount(0)
  await expect(results(page)).toContainText('Delete members: 3 done, 0 skipped, 0 failed.')
  // "Done" starts closed: the failed and skipped come first.
  await results(page).locator('summary', { hasText: 'Done (3)' }).click()
  const movedTo = reasonEntry(results(page), `items and groups moved to ${receiver!.username}`)
  for (const { member } of found) await expect(movedTo).toContainText(member.username)
  await expect(page.getByRole('button', { name: /members? selected$/ })).toHaveCount(0)

  for (const username of deleting) await expectGone(request, adminToken, username)
  // The receiver owns every item, in <username>_root and <username>_<folder>, and every group.
  const after = await holdings(request, adminToken, receiver!.username)
  for (const { member, owned: h } of found) {
    for (const [title, ids] of h.folders) {
      if (!ids.length) continue
      expect(after.folders.get(`${member.username}_${title || 'root'}`)?.sort()).toEqual([...ids].sort())
    }
    for (const group of h.groups) expect(after.groups).toContain(group)
  }
  const moved = found.reduce((n, f) => n + itemCount(f.owned), 0)
  expect(itemCount(after)).toBe(itemCount(before) + moved)
})

test('if moving fails, that member is not deleted; the others are', async ({ page, request, adminToken }) => {
  const [{ member: owner, owned }] = (await owners(request, adminToken, 'd', 1)) as [{ member: PortalMember; owned: Holdings }]
  const plain = await nonOwner(request, adminToken, 'c')
  const [receiver] = await pickMembers(request, adminToken, 'n', 1, 'disabled:false AND userlicensetype:creatorUT AND NOT role:org_admin AND NOT lastlogin:-1')
  await selectMembers(page, [owner.username, plain.username])
  await page.getByRole('button', { name: 'Delete', exact: true }).click()
  const remove = dialog(page, 'Delete members')
  await pickReceiver(page, 'Delete members', receiver!.username)
  // The receiver is disabled behind the console's back: the portal refuses to move content to them.
  await portalPost(request, adminToken, 'portals/self/disableUsers', { users: receiver!.username })
  try {
    await remove.getByRole('textbox', { name: 'Type 2 to confirm' }).fill('2')
    await remove.getByRole('button', { name: 'Delete 2 members' }).click()
    const alert = remove.getByRole('alert')
    await expect(alert).toContainText('1 member was not deleted (1 done)')
    await expect(alert).toContainText(`${owner.username}: Content could not be moved, so the member was not deleted:`)
    await remove.getByRole('button', { name: 'Close' }).click()
    await expect(results(page)).toContainText('Delete members: 1 done, 0 skipped, 1 failed.')
    await expect(selectionButton(page, 1)).toBeVisible()
    await expectGone(request, adminToken, plain.username)
    expect(await holdings(request, adminToken, owner.username)).toEqual(owned)
  } finally {
    await portalPost(request, adminToken, 'portals/self/enableUsers', { users: receiver!.username })
  }
})

test('"Delete member" for one member asks for the username; Enter in it confirms once it matches', async ({ page, request, adminToken }) => {
  const member = await nonOwner(request, adminToken, 'r')
  await showMember(page, member.username)
  await (await openRowMenu(page, member.username)).getByRole('menuitem', { name: 'Delete member' }).click()
  const remove = dialog(page, 'Delete member')
  await expect(remove.getByRole('list', { name: 'What each member owns' })).toContainText('owns no items or groups.')
  const confirmation = remove.getByRole('textbox', { name: `Type ${member.username} to confirm` })
  // Enter confirms only what the button would: not a name that is not the member's.
  await confirmation.fill(`${member.username}x`)
  await confirmation.press('Enter')
  // Nothing started: no progress, the button still waits for the right name, the member is there.
  await expect(remove.getByRole('progressbar')).toHaveCount(0)
  await expect(remove.getByRole('button', { name: 'Delete member' })).toBeDisabled()
  expect((await getMember(request, adminToken, member.username)).username).toBe(member.username)
  await confirmation.fill(member.username)
  await confirmation.press('Enter')
  await expect(remove).toHaveCount(0)
  await expectGone(request, adminToken, member.username)
  await expect(page.getByRole('table', { name: 'Members' })).toContainText('No members match')
  // Its row is gone: focus lands on the way out of the empty list, not on the page's body.
  await expect(page.getByRole('button', { name: 'Clear search and filters' })).toBeFocused()
})

test('after deleting a member from its row, focus moves to the row that took its place', async ({ page, request, adminToken }) => {
  const member = await nonOwner(request, adminToken, 'st')
  const letter = member.username[0]!
  await page.goto(`/?in=username&q=${letter}&sort=username&order=asc&size=100`)
  await expect(page.getByRole('button', { name: `More options for ${member.username}` })).toBeVisible()
  const rowActions = page.getByRole('button', { name: /^More options for / })
  const before = await rowActions.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')))
  const index = before.indexOf(`More options for ${member.username}`)
  const takesItsPlace = before[index + 1] ?? before[index - 1]
  expect(takesItsPlace).toBeTruthy()

  await (await openRowMenu(page, member.username)).getByRole('menuitem', { name: 'Delete member' }).click()
  const remove = dialog(page, 'Delete member')
  await remove.getByRole('textbox', { name: `Type ${member.username} to confirm` }).fill(member.username)
  await remove.getByRole('button', { name: 'Delete member' }).click()
  await expect(remove).toHaveCount(0)
  await expect(page.getByRole('button', { name: takesItsPlace! })).toBeFocused()
})

test('a large delete lists owners first, everyone else in one line, and keeps its buttons on screen', async ({ page }) => {
  // Nothing is deleted: the dialog is only looked at. A short window, so its lists outgrow it.
  await page.setViewportSize({ width: 1000, height: 480 })
  await page.goto('/')
  await page.getByRole('checkbox', { name: 'Select all on this page' }).check()
  await page.getByRole('button', { name: 'Delete', exact: true }).click()
  const remove = dialog(page, 'Delete members')
  const owned = remove.getByRole('list', { name: 'What each member owns' })
  await expect(owned).not.toContainText('Checking what')
  const lines = owned.locator(':scope > li')
  const texts = await lines.allInnerTexts()
  const ownerLines = texts.filter((text) => /: owns \d+ (items?|groups?)\b/.test(text))
  expect(ownerLines.length).toBeGreaterThan(0)
  // Owners first, then one line for all who own nothing.
  expect(texts.slice(0, ownerLines.length)).toEqual(ownerLines)
  expect(texts.length).toBe(ownerLines.length + 1)
  const nothing = texts.at(-1)!
  expect(nothing).toMatch(/^\d+ members own no items or groups$/)
  await lines.last().getByText(/members own no items or groups/).click()
  await expect(lines.last().getByRole('listitem')).toHaveCount(Number.parseInt(nothing, 10))

  await expect(remove.getByRole('button', { name: 'Cancel' })).toBeInViewport()
  await expect(remove.getByRole('button', { name: /^Delete \d+ members$/ })).toBeInViewport()
})

test('deleting an administrator says so first', async ({ page }) => {
  await showMember(page, 'admin2')
  await (await openRowMenu(page, 'admin2')).getByRole('menuitem', { name: 'Delete member' }).click()
  const remove = dialog(page, 'Delete member')
  await expect(remove).toContainText('This member is an administrator.')
  await remove.getByRole('button', { name: 'Cancel' }).click()
  await expect(remove).toHaveCount(0)
})

test.describe('as a Member Manager', () => {
  test.use({ asUser: 'manager' })

  test('sees no delete at all', async ({ page }) => {
    await selectMembers(page, ['user1'])
    await expect(page.getByRole('button', { name: 'Disable', exact: true })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Delete', exact: true })).toHaveCount(0)
    const menu = await openRowMenu(page, 'user1')
    await expect(menu.getByRole('menuitem', { name: 'View profile' })).toBeVisible()
    await expect(menu.getByRole('menuitem', { name: 'Delete member' })).toHaveCount(0)
  })
})
