/**
 * quality.md: "change role of 100 selected members ≤ 2 s end to end, with progress".
 *
 *   npx tsx bench/bulk-role.ts [--members 2000] [--rounds 6]
 *
 * The built console in Chromium, against server/main.ts (PGlite) serving it,
 * signed in as a full administrator, with 100 members already selected (the
 * console's own sessionStorage format). Each round opens "Change role", picks
 * the role (User and Publisher in turn), and times from the pointer pressing
 * "Change role of 100 members" to the Results region reading "100 done";
 * progress must have been shown on the way. Then the portal is asked whether
 * all 100 hold the new role. The baseline: the same changes as the console's
 * own calls (updateUserRoles, 10 members a call, 2 at once) made bare from Node; also
 * reported, 100 single updateUserRole calls, 6 at once (a portal without the
 * extension, where the console falls back to them).
 */
import { parseArgs } from 'node:util'
import { machine } from './lib/browser-report.ts'
import { type BulkBench, openBulkBench, pool, rest, signedInPage, timeConfirmToResults } from './lib/bulk-browser.ts'
import { writeResult } from './lib/results.ts'
import { round2, roundSummary, summarize } from './lib/stats.ts'
import { printTable } from './lib/table.ts'
import type { Figure } from './run-figures.ts'

const TARGET_MS = 2000
const COUNT = 100
/** What the console sends (change-role-dialog.tsx): updateUserRoles, 10 members a call, 2 calls at once… */
const CHUNK = 10
const CALLS_AT_ONCE = 2
/** …or, on a portal without that extension, single updateUserRole calls, 6 at once. */
const RAW_CONCURRENCY = 6
const ROLES = [
  { id: 'org_publisher', name: 'Publisher' },
  { id: 'org_user', name: 'User' },
] as const

interface PortalUser {
  username: string
  fullName: string
  email: string
  role: string
  roleId?: string
  userLicenseTypeId: string
  disabled: boolean
  lastLogin: number
  provider: string
  mfaEnabled: boolean
  created: number
}

async function chooseMembers(bench: BulkBench): Promise<PortalUser[]> {
  const q = 'userlicensetype:creatorUT AND (role:org_user OR role:org_publisher) AND disabled:false'
  const page = await rest<{ total: number; results: PortalUser[] }>(bench, 'portals/self/users/search', { q, num: COUNT, sortField: 'username', sortOrder: 'asc' })
  if (page.results.length < COUNT) throw new Error(`Need ${COUNT} Creator members with the User or Publisher role; found ${page.results.length}`)
  return page.results
}

async function fetchMembers(bench: BulkBench, usernames: readonly string[]): Promise<PortalUser[]> {
  const found: PortalUser[] = []
  await pool(usernames, 8, async (username) => {
    found.push(await rest<PortalUser>(bench, `community/users/${encodeURIComponent(username)}`))
  })
  const order = new Map(usernames.map((u, i) => [u, i]))
  return found.sort((a, b) => order.get(a.username)! - order.get(b.username)!)
}

/** How many of them do not hold `role` (a default role, so no roleId). */
async function notHolding(bench: BulkBench, usernames: readonly string[], role: string): Promise<string[]> {
  const members = await fetchMembers(bench, usernames)
  return members.filter((m) => m.role !== role || m.roleId).map((m) => m.username)
}

/** The same changes as bare HTTP calls from Node: the console's bulk calls, or single calls. */
async function rawChange(bench: BulkBench, usernames: readonly string[], role: string, how: 'bulk' | 'single'): Promise<number> {
  const started = performance.now()
  if (how === 'single')
    await pool(usernames, RAW_CONCURRENCY, async (user) => {
      await rest(bench, 'portals/self/updateUserRole', { user, role }, 'POST')
    })
  else {
    const chunks = Array.from({ length: Math.ceil(usernames.length / CHUNK) }, (_, i) => usernames.slice(i * CHUNK, (i + 1) * CHUNK))
    await pool(chunks, CALLS_AT_ONCE, async (chunk) => {
      const answer = await rest<{ results: { status: string }[] }>(bench, 'portals/self/updateUserRoles', { users: chunk.join(','), role }, 'POST')
      if (answer.results.some((r) => r.status !== 'success')) throw new Error('updateUserRoles refused a member')
    })
  }
  return performance.now() - started
}

async function consoleChange(bench: BulkBench, usernames: readonly string[], role: (typeof ROLES)[number]) {
  const selection = await fetchMembers(bench, usernames)
  const { context, page } = await signedInPage(bench, selection)
  try {
    await page.goto(`${bench.server.origin}/`)
    await page.getByRole('heading', { level: 1, name: 'Members' }).waitFor()
    await page.getByRole('button', { name: `${COUNT} members selected` }).waitFor()
    await page.getByRole('button', { name: 'Change role', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Change role' })
    await dialog.getByRole('combobox', { name: 'New role' }).selectOption({ label: role.name })
    const confirmName = `Change role of ${COUNT} members`
    await dialog.getByRole('button', { name: confirmName, exact: true }).waitFor()
    return await timeConfirmToResults(page, confirmName, 'Change role(?: \\(cancelled\\))?: \\d+ done', 60_000)
  } finally {
    await context.close()
  }
}

async function main() {
  const { values } = parseArgs({ options: { members: { type: 'string', default: '2000' }, rounds: { type: 'string', default: '6' } } })
  const members = Number(values.members)
  const rounds = Number(values.rounds)
  const loadBefore = machine()
  const bench = await openBulkBench({ members })
  try {
    const usernames = (await chooseMembers(bench)).map((m) => m.username)
    // Everyone starts as a User (untimed; also warms the server up).
    await rawChange(bench, usernames, 'org_user', 'single')
    const consoleMs: number[] = []
    const rawMs: number[] = []
    const rows: (string | number)[][] = []
    const problems: string[] = []
    let progressShown = true
    // The console's rounds, then the same changes as bare calls: both alternate User → Publisher → User …
    for (let round = 0; round < rounds; round++) {
      const to = ROLES[round % 2]!
      const run = await consoleChange(bench, usernames, to)
      const missing = await notHolding(bench, usernames, to.id)
      if (!run.finalText.startsWith(`Change role: ${COUNT} done, 0 skipped, 0 failed`)) problems.push(`round ${round + 1}: "${run.finalText}"`)
      if (missing.length) problems.push(`round ${round + 1}: ${missing.length} members do not hold ${to.id}`)
      if (run.progressSeen < 2) progressShown = false
      consoleMs.push(run.ms)
      rows.push([String(round + 1), `console → ${to.name}`, round2(run.ms), run.progressSeen, COUNT - missing.length])
    }
    if (rounds % 2) await rawChange(bench, usernames, 'org_user', 'single')
    const singleMs: number[] = []
    for (const how of ['bulk', 'single'] as const)
      for (let round = 0; round < rounds; round++) {
        const to = ROLES[round % 2]!
        const raw = await rawChange(bench, usernames, to.id, how)
        const missing = await notHolding(bench, usernames, to.id)
        if (missing.length) problems.push(`raw ${how} round ${round + 1}: ${missing.length} members do not hold ${to.id}`)
        ;(how === 'bulk' ? rawMs : singleMs).push(raw)
        rows.push([String(round + 1), `raw ${how === 'bulk' ? `updateUserRoles ×${COUNT / CHUNK}` : `updateUserRole ×${COUNT}`} → ${to.name}`, round2(raw), '', COUNT - missing.length])
      }
    const consoleSummary = roundSummary(summarize(consoleMs))
    const rawSummary = roundSummary(summarize(rawMs))
    const singleSummary = roundSummary(summarize(singleMs))
    const ratio = round2(consoleSummary.p50 / rawSummary.p50)
    const pass = problems.length === 0 && progressShown && consoleSummary.p95 <= TARGET_MS
    printTable(['round', 'change', 'ms', 'progress readings', 'verified'], rows)
    console.log(
      `console: median ${consoleSummary.p50} ms, p95 ${consoleSummary.p95} ms; the same calls bare: median ${rawSummary.p50} ms (ratio ${ratio}×); 100 single updateUserRole (${RAW_CONCURRENCY} at once): median ${singleSummary.p50} ms`,
    )
    if (problems.length) console.log(`problems:\n  ${problems.join('\n  ')}`)
    const figures: Figure[] = [
      {
        figure: `change role of ${COUNT} selected members, console in Chromium, PGlite`,
        unit: 'ms',
        median: consoleSummary.p50,
        p95: consoleSummary.p95,
        target: '≤ 2 s end to end, with progress',
        ratio,
        pass,
        note: `${rounds} rounds; ratio to the same updateUserRoles calls bare (median ${rawSummary.p50} ms); 100 single updateUserRole, ${RAW_CONCURRENCY} at once: median ${singleSummary.p50} ms${progressShown ? '' : '; progress NOT shown'}${problems.length ? `; ${problems.length} problems` : ''}`,
      },
    ]
    writeResult('bulkRole', {
      members,
      count: COUNT,
      rounds,
      database: 'PGlite (temp dir), server/main.ts in its own process',
      consoleCalls: `updateUserRoles, ${CHUNK} members a call, ${CALLS_AT_ONCE} at once`,
      console: consoleSummary,
      /** The console's calls (updateUserRoles ×10) from Node: the ratio's baseline. */
      raw: rawSummary,
      /** 100 single updateUserRole calls, RAW_CONCURRENCY at once: what a portal without the extension costs. */
      rawSingle: singleSummary,
      rawSingleConcurrency: RAW_CONCURRENCY,
      consoleSamples: consoleMs.map(round2),
      rawSamples: rawMs.map(round2),
      rawSingleSamples: singleMs.map(round2),
      progressShown,
      problems,
      seedMs: round2(bench.seedMs),
      buildMs: round2(bench.buildMs),
      machine: { before: loadBefore, after: machine() },
      figures,
    })
    if (problems.length) process.exitCode = 1
  } finally {
    await bench.close()
  }
}

await main()
