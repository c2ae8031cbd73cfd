/**
 * npx tsx bench/ab.ts --figure next-page|cold-load [--members 2000] [--rounds 6] <build A> <build B>
 *
 * Two builds of the console (`npx vite build --outDir <dir>`, e.g. one from a
 * `git worktree` of the commit before) judged against each other: each round
 * serves each build in turn on the same seeded organization (the order
 * alternates from round to round) and times it the way browser-next-page.ts
 * or browser-cold-load.ts do. A change of a few ms is lost in the swing
 * between two single runs of those benchmarks on a shared machine; here both
 * builds share the swing. Prints median and p95 per build; writes nothing.
 */
import { parseArgs } from 'node:util'
import type { Browser } from '@playwright/test'
import { seededDataDir } from './lib/browser-fixture.ts'
import { armRows, type ConsoleServer, launchChromium, newSignedInContext, searchMembers, signIn, startConsoleServer, waitForRows } from './lib/browser.ts'
import { ms, stats } from './lib/browser-report.ts'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    figure: { type: 'string' },
    members: { type: 'string', default: '2000' },
    rounds: { type: 'string', default: '6' },
  },
})
const PAGE = 25
const NEXT_PAGE_CLICKS = 12
const COLD_LOADS = 6
const figures = { 'next-page': timeNextPage, 'cold-load': timeColdLoads }
const figure = figures[values.figure as keyof typeof figures]
if (!figure || positionals.length !== 2) throw new Error('usage: bench/ab.ts --figure next-page|cold-load <build A> <build B>')

/** "Next page" clicks once the console has prefetched the page, as in browser-next-page.ts (first click untimed). */
async function timeNextPage(browser: Browser, server: ConsoleServer): Promise<number[]> {
  const session = await signIn(server)
  const context = await newSignedInContext(browser, session)
  const page = await context.newPage()
  const answered = new Set<string>()
  page.on('requestfinished', (request) => {
    const url = new URL(request.url())
    if (url.pathname.endsWith('/users/search')) answered.add(url.searchParams.get('start') ?? '')
  })
  const first = await searchMembers(session, {})
  await page.goto(`${server.origin}/`)
  await armRows(page, { emails: first.results.map((m) => m.email) })
  await waitForRows(page, 120_000)
  const next = page.getByRole('navigation', { name: 'Pagination' }).getByRole('button', { name: 'Next page' })
  const samples: number[] = []
  for (let n = 1; n <= NEXT_PAGE_CLICKS + 1; n++) {
    const start = n * PAGE + 1
    const expected = await searchMembers(session, { start })
    while (!answered.has(String(start))) await new Promise((resolve) => setTimeout(resolve, 20))
    await armRows(page, { emails: expected.results.map((m) => m.email) })
    await next.click()
    const { painted } = await waitForRows(page)
    const clicked = await page.evaluate(() => window.__rowProbe.clicks.at(-1)!)
    if (n > 1) samples.push(painted - clicked)
  }
  await context.close()
  return samples
}

/** Cold loads in fresh contexts, navigation start → first rows painted, as in browser-cold-load.ts (2 untimed first). */
async function timeColdLoads(browser: Browser, server: ConsoleServer): Promise<number[]> {
  const session = await signIn(server)
  const first = await searchMembers(session, {})
  const samples: number[] = []
  for (let i = 0; i < COLD_LOADS + 2; i++) {
    const context = await newSignedInContext(browser, session, { emails: first.results.map((m) => m.email) })
    const page = await context.newPage()
    await page.goto(`${server.origin}/`, { waitUntil: 'commit' })
    const { painted } = await waitForRows(page, 60_000)
    if (i >= 2) samples.push(painted)
    await context.close()
  }
  return samples
}

const data = await seededDataDir(Number(values.members))
const browser = await launchChromium()
const samples = new Map<string, number[]>(positionals.map((build) => [build, []]))
try {
  for (let round = 0; round < Number(values.rounds); round++) {
    for (const build of round % 2 ? [...positionals].reverse() : positionals) {
      const server = await startConsoleServer(data.dir, build)
      try {
        samples.get(build)!.push(...(await figure(browser, server)))
      } finally {
        await server.stop()
      }
    }
  }
} finally {
  await browser.close()
  data.remove()
}
for (const [build, taken] of samples) {
  const summary = stats(taken)
  console.log(`${build}: ${taken.length} samples, median ${ms(summary.p50)}, p95 ${ms(summary.p95)}`)
}
