import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { dialog, openRowMenu, selectionButton, selectMembers, showMember } from './actions-support.ts'
import { expect, test } from './support/fixtures.ts'

/** Zero axe violations inside the open dialog (or popover). */
async function expectNoViolations(page: Page, selector: string) {
  const scan = await new AxeBuilder({ page }).include(selector).analyze()
  expect(scan.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([])
}

async function scanDialog(page: Page, name: string, prepare?: () => Promise<void>) {
  const open = dialog(page, name)
  await expect(open).toBeVisible()
  await prepare?.()
  await expectNoViolations(page, '[role="dialog"]')
  await open.getByRole('button', { name: /^(Cancel|Close)$/ }).first().click()
  await expect(open).toHaveCount(0)
}

test('every bulk dialog, the selection menu and the results pass axe', async ({ page }) => {
  test.slow() // an axe scan per dialog: several seconds each when both workers are busy
  await selectMembers(page, ['publisher1', 'never1', 'disabled1'])
  await selectionButton(page, 3).click()
  await expect(page.getByRole('menu')).toBeVisible()
  await expectNoViolations(page, '[role="menu"]')
  await page.keyboard.press('Escape')

  await page.getByRole('button', { name: 'Change role', exact: true }).click()
  await scanDialog(page, 'Change role', async () => {
    await dialog(page, 'Change role').getByRole('combobox', { name: 'New role' }).selectOption({ label: 'Viewer' })
  })
  await page.getByRole('button', { name: 'Manage user types', exact: true }).click()
  await scanDialog(page, 'Manage user types', async () => {
    await dialog(page, 'Manage user types').getByRole('radio', { name: 'Contributor' }).check()
    await expect(dialog(page, 'Manage user types').getByRole('region', { name: /^Cannot change/ })).toBeVisible()
  })
  await page.getByRole('button', { name: 'Disable', exact: true }).click()
  await scanDialog(page, 'Disable members')
  await page.getByRole('button', { name: 'Enable', exact: true }).click()
  await scanDialog(page, 'Enable members')
  await page.getByRole('button', { name: 'Delete', exact: true }).click()
  await scanDialog(page, 'Delete members', async () => {
    await expect(dialog(page, 'Delete members').getByRole('combobox', { name: 'Give their content to' })).toBeVisible()
  })
})

test('every one-member dialog passes axe', async ({ page }) => {
  test.slow() // an axe scan per dialog: several seconds each when both workers are busy
  await showMember(page, 'publisher1')
  for (const [item, name] of [
    ['View profile', 'Member profile'],
    ['Manage user type', 'Manage user types'],
    ['Reset password', 'Reset password'],
    ['Disable member', 'Disable members'],
    ['Delete member', 'Delete member'],
  ] as const) {
    await (await openRowMenu(page, 'publisher1')).getByRole('menuitem', { name: item }).click()
    await scanDialog(page, name, async () => {
      if (name === 'Member profile') await expect(dialog(page, name)).toContainText('Publishing Team')
    })
  }
  await expect(page.getByRole('menu')).toHaveCount(0)
  const menu = await openRowMenu(page, 'publisher1')
  await expectNoViolations(page, '[role="menu"]')
  await menu.press('Escape')
})
