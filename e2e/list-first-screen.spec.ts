import type { Page, Request } from '@playwright/test'
import { expect, test } from './support/fixtures.ts'
import { columnCells, membersTable, openMembers } from './support/members-page.ts'
import { searchMembers } from './support/portal-api.ts'

/**
 * The first screen: the portal server draws the Members page (the console's own components) and the
 * console shows it, inert, before its own script has run; the app takes over without a gap.
 */

interface FirstScreenLog {
  /** When the server-drawn rows were first in the page, and what they showed. */
  firstRowsAt: number
  firstEmails: string[]
  /** Each first-screen row's text and hover titles (exact dates), to compare with the app's. */
  firstRowTexts: string[]
  inert: boolean
  ariaHidden: boolean
  /** Whether it showed the list's loading bar, and the pointer said "busy" (nothing in it works yet). */
  loadingBar: boolean
  busyPointer: boolean
  /** Moments, after the first rows, with no visible rows at all. */
  gaps: number
  /** What the Content-Security-Policy refused (no inline script but index.html's loader, allowed by its hash). */
  refused: string[]
}

/** Watches the page from its first byte: where rows are, and whether they ever vanish. */
async function watchFirstScreen(page: Page) {
  await page.addInitScript(() => {
    const log: FirstScreenLog = { firstRowsAt: 0, firstEmails: [], firstRowTexts: [], inert: false, ariaHidden: false, loadingBar: false, busyPointer: false, gaps: 0, refused: [] }
    ;(window as unknown as { firstScreenLog: FirstScreenLog }).firstScreenLog = log
    document.addEventListener('securitypolicyviolation', (event) => log.refused.push(`${event.violatedDirective} ${event.blockedURI}`))
    const rowText = (row: Element) => [row.textContent, ...[...row.querySelectorAll('[title]')].map((element) => element.getAttribute('title'))].join(' | ')
    ;(window as unknown as { rowText: typeof rowText }).rowText = rowText
    const emailsOf = (rows: NodeListOf<HTMLTableRowElement>) => [...rows].map((row) => row.querySelector('td.col-email')?.textContent ?? '')
    new MutationObserver(() => {
      const holder = document.getElementById('first-screen')
      const firstRows = document.querySelectorAll<HTMLTableRowElement>('#first-screen table[aria-label="Members"] tbody tr')
      const root = document.getElementById('root')
      if (firstRows.length && !log.firstRowsAt) {
        log.firstRowsAt = performance.now()
        log.firstEmails = emailsOf(firstRows)
        log.firstRowTexts = [...firstRows].map(rowText)
        ;(window as unknown as { firstScreenRow: Element }).firstScreenRow = firstRows[0]!
        log.inert = Boolean(holder?.inert)
        log.ariaHidden = holder?.getAttribute('aria-hidden') === 'true'
        // As first painted: the rows can come before the stylesheet, which holds the paint back until it is in.
        requestAnimationFrame(() => {
          const slot = holder?.querySelector('.progress-slot')
          log.loadingBar = Boolean(slot) && getComputedStyle(slot as Element, '::after').animationName === 'progress-slide'
          log.busyPointer = getComputedStyle(document.body).cursor === 'progress'
        })
      }
      const appRowsShown = root && getComputedStyle(root).display !== 'none' && root.querySelector('table[aria-label="Members"] tbody tr')
      if (log.firstRowsAt && !firstRows.length && !appRowsShown) log.gaps++
    }).observe(document, { childList: true, subtree: true })
  })
}

/** What watchFirstScreen noted. */
const readFirstScreenLog = (page: Page) => page.evaluate(() => (window as unknown as { firstScreenLog: FirstScreenLog }).firstScreenLog)

/** The app's own rows, each as watchFirstScreen's `rowText` reads a first-screen row. */
const appRowTexts = (page: Page) =>
  page.evaluate(() => {
    const { rowText } = window as unknown as { rowText: (row: Element) => string }
    return [...document.querySelectorAll('#root table[aria-label="Members"] tbody tr')].map(rowText)
  })

/** The portal reads the browser makes, by operation. */
function recordReads(page: Page) {
  const reads: string[] = []
  page.on('request', (request: Request) => {
    const url = new URL(request.url())
    if (url.pathname.startsWith('/sharing/rest/')) reads.push(`${url.pathname.slice('/sharing/rest/'.length)}${url.searchParams.get('start') ? `@${url.searchParams.get('start')}` : ''}`)
  })
  return reads
}

/** Whether the row element the first screen drew is still in the page, alive in #root (the app adopted it). */
const firstScreenRowAdopted = (page: Page) =>
  page.evaluate(() => {
    const row = (window as unknown as { firstScreenRow?: Element }).firstScreenRow
    return Boolean(row?.isConnected && row.closest('#root'))
  })

/** Console errors and warnings (React logs a hydration mismatch as one: start-app.tsx). */
function recordComplaints(page: Page) {
  const complaints: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') complaints.push(message.text())
  })
  return complaints
}

test('the rows come first, drawn by the portal server, and the app adopts them without drawing them again', async ({ page, request, adminToken }) => {
  await watchFirstScreen(page)
  const complaints = recordComplaints(page)
  const reads = recordReads(page)
  await openMembers(page, 'sort=fullname&order=desc')
  const expected = (await searchMembers(request, adminToken, { sortField: 'fullname', sortOrder: 'desc', num: 25 })).results.map((m) => m.email)
  await expect(await columnCells(page, 'Email')).toHaveText(expected)
  await expect(page.locator('#first-screen')).toHaveCount(0)

  const log = await readFirstScreenLog(page)
  expect(log.firstEmails).toEqual(expected)
  // Inert and hidden from assistive technology, as nothing in it works yet. (How much sooner than the
  // app's own rows it comes is a benchmark's question: bench/browser-cold-load.ts.)
  expect(log.inert).toBe(true)
  expect(log.ariaHidden).toBe(true)
  expect(log.loadingBar).toBe(true)
  expect(log.busyPointer).toBe(true)
  expect(await page.evaluate(() => getComputedStyle(document.body).cursor)).toBe('auto')
  // Hydrated: the very row elements the server drew are the page's now, alive, and React found
  // nothing to redraw (a mismatch is logged, start-app.tsx, and it would draw the page again).
  const adopted = await page.evaluate(() => {
    const row = (window as unknown as { firstScreenRow: Element }).firstScreenRow
    const root = document.getElementById('root')
    return { connected: row.isConnected, inRoot: Boolean(row.closest('#root')), inert: Boolean(root?.inert), hidden: root?.getAttribute('aria-hidden') }
  })
  expect(adopted).toEqual({ connected: true, inRoot: true, inert: false, hidden: null })
  expect(complaints).toEqual([])
  expect(log.gaps).toBe(0)
  expect(log.refused).toEqual([])
  // The app reused what the first screen was drawn from: it asked for none of it again.
  expect(reads).toContain('console/firstScreen')
  expect(reads.filter((read) => /^(portals\/self|community\/self|portals\/self\/roles|portals\/self\/userLicenseTypes|portals\/self\/users\/search@1)$/.test(read))).toEqual([])
  // And the page works: the app's own table, with its controls.
  await membersTable(page).getByRole('checkbox', { name: 'Select all on this page' }).check()
  await expect(page.getByRole('button', { name: '25 members selected' })).toBeVisible()
})

test('a portal without a first screen: the console draws its own rows, and this tab stops asking', async ({ page }) => {
  let asked = 0
  await page.route(/console\/firstScreen/i, (route) => {
    asked++
    return route.fulfill({ contentType: 'application/json', body: JSON.stringify({ error: { code: 400, message: 'Invalid URL', details: [] } }) })
  })
  await openMembers(page)
  await expect(await columnCells(page, 'Email')).toHaveCount(25)
  // Loaded again in the same tab (its sessionStorage kept).
  await openMembers(page)
  await expect(await columnCells(page, 'Email')).toHaveCount(25)
  expect(asked).toBe(1)
})

test('a first screen that fails is asked for again next time; meanwhile the console draws its own rows', async ({ page }) => {
  let asked = 0
  await page.route(/console\/firstScreen/i, (route) => {
    asked++
    return route.fulfill({ status: 500, body: 'Internal Server Error' })
  })
  await openMembers(page)
  await expect(await columnCells(page, 'Email')).toHaveCount(25)
  // Loaded again in the same tab (its sessionStorage kept).
  await openMembers(page)
  await expect(await columnCells(page, 'Email')).toHaveCount(25)
  expect(asked).toBe(2)
})

test.describe('in a browser with its own locale and time zone', () => {
  test.use({ locale: 'de-DE', timezoneId: 'Pacific/Auckland' })

  test('the first screen shows numbers and dates as the app does: no text changes when the app takes over', async ({ page }) => {
    await watchFirstScreen(page)
    await openMembers(page, 'sort=created&order=asc')
    await expect(page.locator('#first-screen')).toHaveCount(0)
    const log = await readFirstScreenLog(page)
    expect(log.firstRowTexts).toHaveLength(25)
    const appRows = await appRowTexts(page)
    expect(log.firstRowTexts).toEqual(appRows)
    // In German, with New Zealand's dates: not the server's own locale.
    expect(appRows.join()).toMatch(/\d{2}\.\d{2}\.\d{4}/)
  })
})

test.describe('a tab whose browser changed time zone since its last load', () => {
  test('the first screen, asked in the time zone the tab had, is not adopted: the app draws its own rows, in the new one', async ({ page }) => {
    const asked: (string | null)[] = []
    page.on('request', (request) => {
      if (/console\/firstScreen/i.test(request.url())) asked.push(new URL(request.url()).searchParams.get('timeZone'))
    })
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Emulation.setTimezoneOverride', { timezoneId: 'Europe/Zurich' })
    await openMembers(page, 'sort=created&order=asc')
    await expect(page.locator('#first-screen')).toHaveCount(0)
    // One override at a time: the empty one ends Zurich's.
    await cdp.send('Emulation.setTimezoneOverride', { timezoneId: '' })
    await cdp.send('Emulation.setTimezoneOverride', { timezoneId: 'Asia/Tokyo' })
    await watchFirstScreen(page)
    const complaints = recordComplaints(page)

    await openMembers(page, 'sort=created&order=asc')
    await expect(page.locator('#first-screen')).toHaveCount(0)
    const log = await readFirstScreenLog(page)
    expect(log.firstRowTexts).toHaveLength(25)
    const appRows = await appRowTexts(page)
    // Zurich's times on the first screen, Tokyo's in the app's own rows: drawn again, not adopted, and
    // React found nothing to complain about (it was never asked to adopt).
    expect(appRows).toHaveLength(25)
    expect(appRows).not.toEqual(log.firstRowTexts)
    expect(await firstScreenRowAdopted(page)).toBe(false)
    expect(complaints).toEqual([])
    // The next load asks in the time zone the browser has now, and that one is adopted.
    await openMembers(page, 'sort=created&order=asc')
    await expect(page.locator('#first-screen')).toHaveCount(0)
    expect(await firstScreenRowAdopted(page)).toBe(true)
    expect(asked).toEqual(['Europe/Zurich', 'Europe/Zurich', 'Asia/Tokyo'])
    expect(complaints).toEqual([])
  })
})

test('a selection kept from before the reload: the app draws its own page with it, without a mismatch', async ({ page }) => {
  await openMembers(page)
  await membersTable(page).getByRole('checkbox', { name: 'Select all on this page' }).check()
  await expect(page.getByRole('button', { name: '25 members selected' })).toBeVisible()
  await watchFirstScreen(page)
  const complaints = recordComplaints(page)
  await openMembers(page)
  await expect(page.locator('#first-screen')).toHaveCount(0)
  await expect(page.getByRole('button', { name: '25 members selected' })).toBeVisible()
  expect((await readFirstScreenLog(page)).firstRowTexts).toHaveLength(25)
  expect(await firstScreenRowAdopted(page)).toBe(false)
  expect(complaints).toEqual([])
})
