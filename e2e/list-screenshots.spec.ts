import { expect, test } from './support/fixtures.ts'
import { columnCells, openMembers } from './support/members-page.ts'

// Writes docs/ screenshots for the README; run with SCREENSHOTS=1 (kept out of ordinary runs so docs/ only changes on purpose).
test.skip(!process.env.SCREENSHOTS, 'set SCREENSHOTS=1 to refresh docs/members-page*.png')

for (const [name, width, height] of [
  ['members-page.png', 1440, 900],
  ['members-page-narrow.png', 390, 844],
] as const) {
  test(`screenshot ${name}`, async ({ page }) => {
    await page.setViewportSize({ width, height })
    await openMembers(page, 'signin=30d&sort=lastlogin&order=desc')
    await expect(await columnCells(page, 'Email')).toHaveCount(25)
    await expect(page.getByRole('progressbar', { name: 'Loading members' })).toHaveCount(0)
    await page.screenshot({ path: `docs/${name}`, fullPage: width < 600 })
  })
}
