import type { Browser, Page, Request } from '@playwright/test'
import { armRows, newSignedInContext, type PortalSession, type RowProbeResult, type RowTarget, searchMembers, waitForRows } from './browser.ts'

/**
 * The two browser timings more than one script takes: a cold load
 * (browser-cold-load.ts, ab.ts) and "Next page" clicks (browser-next-page.ts,
 * ab.ts), each timed by the row probe (browser.ts).
 */

/**
 * One cold load in a fresh context (empty cache, new connections): navigation
 * start → `target` painted. `inspect` reads more from the page before it closes.
 */
export async function coldLoad<T>(
  browser: Browser,
  url: string,
  signedIn: PortalSession | null,
  target: RowTarget,
  inspect?: (page: Page) => Promise<T>,
): Promise<RowProbeResult & { inspected?: T }> {
  const context = await newSignedInContext(browser, signedIn, target)
  try {
    const page = await context.newPage()
    await page.goto(url, { waitUntil: 'commit' })
    const rows = await waitForRows(page, 60_000)
    return { ...rows, inspected: inspect ? await inspect(page) : undefined }
  } finally {
    await context.close()
  }
}

/** A view of the list: its URL query and the same search as portal parameters. */
export interface ListView {
  url: string
  params: { sortField?: string; sortOrder?: string }
}

const PAGE = 25

/**
 * Opens `view` in `page` and clicks "Next page" `clicks` times, each once the
 * console has prefetched that page (its answer received): from the click
 * event's timestamp to the next page painted (the same search asked of the
 * portal directly). One more click first, untimed: the page's code paths settle.
 */
export async function timeNextPageClicks(page: Page, session: PortalSession, origin: string, view: ListView, clicks: number): Promise<{ page: number; ms: number }[]> {
  const answered = new Set<string>()
  const onAnswer = (request: Request) => {
    const url = new URL(request.url())
    if (url.pathname.endsWith('/users/search')) answered.add(`${url.searchParams.get('sortField')}:${url.searchParams.get('start')}`)
  }
  const sortField = view.params.sortField ?? 'fullname'
  const prefetched = async (start: number) => {
    const deadline = Date.now() + 30_000
    while (!answered.has(`${sortField}:${start}`)) {
      if (Date.now() > deadline) throw new Error(`The console did not prefetch the page starting at ${start}`)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }
  page.on('requestfinished', onAnswer)
  try {
    const firstPage = await searchMembers(session, view.params)
    await page.goto(`${origin}/${view.url}`)
    await armRows(page, { emails: firstPage.results.map((m) => m.email) })
    // The first load of a just-opened database can be slow: it only has to finish.
    await waitForRows(page, 120_000)
    const next = page.getByRole('navigation', { name: 'Pagination' }).getByRole('button', { name: 'Next page' })
    const samples: { page: number; ms: number }[] = []
    for (let n = 1; n <= clicks + 1; n++) {
      const start = n * PAGE + 1
      const expected = await searchMembers(session, { ...view.params, start })
      await prefetched(start)
      await armRows(page, { emails: expected.results.map((m) => m.email) })
      await next.click()
      const { painted } = await waitForRows(page)
      const clicked = await page.evaluate(() => window.__rowProbe.clicks.at(-1)!)
      if (n > 1) samples.push({ page: n + 1, ms: Math.round((painted - clicked) * 10) / 10 })
    }
    return samples
  } finally {
    page.off('requestfinished', onAnswer)
  }
}
