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
import { type ConsoleServer, launchChromium, newSignedInContext, searchMembers, signIn, startConsoleServer, tabStorageAfterLoad } from './lib/browser.ts'
import { ms, stats } from './lib/browser-report.ts'
import { coldLoad, timeNextPageClicks } from './lib/browser-timings.ts'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    figure: { type: 'string' },
    members: { type: 'string', default: '2000' },
    rounds: { type: 'string', default: '6' },
  },
})
const NEXT_PAGE_CLICKS = 12
const COLD_LOADS = 6
const figures = { 'next-page': timeNextPage, 'cold-load': timeColdLoads }
const figure = figures[values.figure as keyof typeof figures]
if (!figure || positionals.length !== 2) throw new Error('usage: bench/ab.ts --figure next-page|cold-load <build A> <build B>')

/** "Next page" clicks on the default view, as browser-next-page.ts times them. */
async function timeNextPage(browser: Browser, server: ConsoleServer): Promise<number[]> {
  const session = await signIn(server)
  const context = await newSignedInContext(browser, session)
  try {
    const samples = await timeNextPageClicks(await context.newPage(), session, server.origin, { url: '', params: {} }, NEXT_PAGE_CLICKS)
    return samples.map((sample) => sample.ms)
  } finally {
    await context.close()
  }
}

/** Cold loads, as browser-cold-load.ts times them (two untimed first). */
async function timeColdLoads(browser: Browser, server: ConsoleServer): Promise<number[]> {
  const signedIn = await signIn(server)
  const first = await searchMembers(signedIn, {})
  const target = { emails: first.results.map((m) => m.email) }
  const session = await tabStorageAfterLoad(browser, `${server.origin}/`, signedIn, target)
  const samples: number[] = []
  for (let i = 0; i < COLD_LOADS + 2; i++) {
    const { painted } = await coldLoad(browser, `${server.origin}/`, session, target)
    if (i >= 2) samples.push(painted)
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
