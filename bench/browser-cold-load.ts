/**
 * npx tsx bench/browser-cold-load.ts [--members 100000] [--runs 12] [--fresh]
 *
 * Cold load of the built console, signed in, on a 100k-member organization:
 * navigation start → the first page of members painted in the Members table.
 * Baseline in the same run: a bare server-rendered HTML table of the same 25
 * rows (the same search over HTTP, done by a tiny bench-only server, rendered
 * as a plain <table>), timed the same way. Each load gets a fresh browser
 * context (empty cache, new connections); console and bare loads alternate.
 * Target (quality.md): median ≤ 2× the bare table's.
 */
import { createServer, type Server } from 'node:http'
import { parseArgs } from 'node:util'
import { buildConsole, seededDataDir } from './lib/browser-fixture.ts'
import { freePort } from './load-postgres.ts'
import {
  type ConsoleServer,
  launchChromium,
  type PortalSession,
  type RowTarget,
  type SearchAnswer,
  searchMembers,
  signIn,
  startConsoleServer,
  tabStorageAfterLoad,
} from './lib/browser.ts'
import { machine, ms, round2, stats, warnIfBusy } from './lib/browser-report.ts'
import { coldLoad } from './lib/browser-timings.ts'
import { writeResult } from './lib/results.ts'
import { printTable } from './lib/table.ts'
import type { Figure } from './run-figures.ts'

const TARGET_RATIO = 2

const { values } = parseArgs({
  options: {
    members: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '12' },
    fresh: { type: 'boolean', default: false },
  },
})
const members = Number(values.members)
const runs = Number(values.runs)
const machineBefore = machine()
warnIfBusy('cold load')

const build = await buildConsole({ fresh: values.fresh })
console.log(`Console ${build.built ? 'built' : 'build reused'} (${(build.ms / 1000).toFixed(1)} s): ${build.dir}`)
const data = await seededDataDir(members, { fresh: values.fresh })
console.log(`${members.toLocaleString('en-US')} members ${data.seeded ? 'seeded' : 'reused'} (${(data.seedMs / 1000).toFixed(1)} s)`)

let server: ConsoleServer | undefined
let bare: Server | undefined
const browser = await launchChromium()
try {
  server = await startConsoleServer(data.dir, build.dir)
  const signedIn = await signIn(server)
  const firstPage = await searchMembers(signedIn, {})
  const target: RowTarget = { emails: firstPage.results.map((m) => m.email) }
  const session = await tabStorageAfterLoad(browser, `${server.origin}/`, signedIn, target)
  console.log(`Each console load starts with the tab's sessionStorage as the console left it: ${Object.keys(session.tabStorage ?? {}).join(', ')}`)
  const barePort = await freePort()
  bare = await startBareServer(barePort, session)
  const bareUrl = `http://127.0.0.1:${barePort}/`

  type Load = { painted: number; dom: number; timeline?: Timeline }
  const load = async (url: string, signedIn: PortalSession | null, timeline: boolean): Promise<Load> => {
    const { painted, dom, inspected } = await coldLoad(browser, url, signedIn, target, timeline ? (page) => page.evaluate(readTimeline) : undefined)
    return { painted, dom, timeline: inspected }
  }

  // Untimed: the server's JIT and PGlite's buffers settle, as on a server in service.
  for (let i = 0; i < 2; i++) {
    await load(`${server.origin}/`, session, false)
    await load(bareUrl, null, false)
  }
  const consoleLoads: Load[] = []
  const bareLoads: Load[] = []
  for (let i = 0; i < runs; i++) {
    consoleLoads.push(await load(`${server.origin}/`, session, true))
    bareLoads.push(await load(bareUrl, null, false))
  }

  const consoleStats = stats(consoleLoads.map((l) => l.painted))
  const bareStats = stats(bareLoads.map((l) => l.painted))
  const ratio = consoleStats.p50 / bareStats.p50
  const waterfall = medianTimeline(consoleLoads.map((l) => l.timeline!))

  console.log(`\nCold load, ${members.toLocaleString('en-US')} members, ${runs} loads each (navigation start → first rows painted)`)
  printTable(
    ['page', 'median', 'p95', 'min', 'max'],
    [
      ['console', consoleStats.p50, consoleStats.p95, consoleStats.min, consoleStats.max],
      ['bare HTML table', bareStats.p50, bareStats.p95, bareStats.min, bareStats.max],
    ],
  )
  console.log(`Ratio of medians ${ratio.toFixed(2)}× (target ≤ ${TARGET_RATIO}×)\n\nConsole waterfall (medians, ms from navigation start):`)
  printTable(['resource', 'start', 'response end', 'duration'], waterfall.map((r) => [r.name, r.start, r.end, r.end - r.start]))

  const figures: Figure[] = [
    {
      figure: `cold load: navigation → first member rows painted, ${members.toLocaleString('en-US')} members`,
      unit: 'ms',
      median: consoleStats.p50,
      p95: consoleStats.p95,
      target: `≤ ${TARGET_RATIO}× bare HTML table`,
      ratio: round2(ratio),
      pass: ratio <= TARGET_RATIO,
      note: `bare table median ${ms(bareStats.p50)}, p95 ${ms(bareStats.p95)}; ${runs} cold loads each`,
    },
  ]
  writeResult('browserColdLoad', {
    members,
    runs,
    machine: { before: machineBefore, after: machine() },
    console: consoleStats,
    bare: bareStats,
    ratioOfMedians: round2(ratio),
    consoleDomReady: stats(consoleLoads.map((l) => l.dom)),
    waterfall,
    figures,
  })
} finally {
  await browser.close()
  if (bare) await new Promise((resolve) => bare!.close(resolve))
  await server?.stop()
  data.remove()
}

/**
 * The baseline: one request per page, answered with the same first page of the
 * default view (the portal's own search over HTTP, as the console asks for it)
 * rendered as a plain table. Bench-only; member data is escaped as text.
 */
function startBareServer(port: number, session: PortalSession): Promise<Server> {
  const text = (value: unknown) =>
    String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
  const date = (value: number) => (value > 0 ? new Date(value).toISOString().slice(0, 10) : 'Never')
  const render = (answer: SearchAnswer) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Members</title></head>
<body><h1>Members</h1><p>${answer.total.toLocaleString('en-US')} members</p>
<table aria-label="Members"><thead><tr><th>Name</th><th>Username</th><th>Email</th><th>Role</th><th>User type</th><th>Status</th><th>Last sign-in</th><th>Date added</th></tr></thead>
<tbody>${answer.results
    .map(
      (m) =>
        `<tr><td>${text(m.fullName)}</td><td>${text(m.username)}</td><td>${text(m.email)}</td><td>${text(m.role)}</td><td>${text(m.userLicenseTypeId)}</td><td>${m.disabled ? 'Disabled' : 'Enabled'}</td><td>${date(m.lastLogin)}</td><td>${date(m.created)}</td></tr>`,
    )
    .join('\n')}</tbody></table></body></html>`
  const server = createServer((request, response) => {
    if (request.url !== '/') {
      response.writeHead(404).end()
      return
    }
    searchMembers(session, {}).then(
      (answer) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(render(answer)),
      (error) => response.writeHead(500).end(String(error)),
    )
  })
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)))
}

interface TimelineEntry {
  name: string
  start: number
  end: number
}
type Timeline = TimelineEntry[]

/** In the page: the document, each resource and the first paints, as ms from navigation start. */
function readTimeline(): Timeline {
  const label = (url: string) => {
    const { pathname } = new URL(url)
    return pathname.replace(/-[A-Za-z0-9_-]{8}\.(js|css)$/, '.$1').replace(/^.*\/sharing\/rest\//, '')
  }
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming
  const entries: Timeline = [{ name: 'document', start: nav.startTime, end: nav.responseEnd }]
  for (const entry of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
    entries.push({ name: label(entry.name), start: entry.startTime, end: entry.responseEnd })
    // The server's own account (Server-Timing: console/firstScreen's reads, then its render), laid
    // end to end from when the request was sent.
    let at = entry.requestStart
    for (const part of entry.serverTiming) {
      entries.push({ name: `  server: ${part.name}`, start: at, end: at + part.duration })
      at += part.duration
    }
  }
  entries.push({ name: 'DOMContentLoaded', start: nav.domContentLoadedEventStart, end: nav.domContentLoadedEventEnd })
  for (const paint of performance.getEntriesByType('paint')) entries.push({ name: paint.name, start: paint.startTime, end: paint.startTime })
  return entries
}

/** Per resource name, the median start and end over the loads (the first occurrence in each load). */
function medianTimeline(timelines: Timeline[]): TimelineEntry[] {
  const byName = new Map<string, { start: number[]; end: number[] }>()
  for (const timeline of timelines) {
    const seen = new Set<string>()
    for (const entry of timeline) {
      const name = seen.has(entry.name) ? `${entry.name} (again)` : entry.name
      seen.add(entry.name)
      const slot = byName.get(name) ?? { start: [], end: [] }
      slot.start.push(entry.start)
      slot.end.push(entry.end)
      byName.set(name, slot)
    }
  }
  return [...byName.entries()]
    .map(([name, slot]) => ({ name, start: round2(stats(slot.start).p50), end: round2(stats(slot.end).p50) }))
    .sort((a, b) => a.start - b.start)
}
