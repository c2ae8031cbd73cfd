/**
 * quality.md: "delete 100 members owning 20 items each, with reassign ≤ 10 s, nothing lost".
 *
 *   npx tsx bench/bulk-delete.ts [--members 2000] [--rounds 3]
 *
 * Before the server starts, the server's own seeding code adds, per round, 100
 * members who each own 20 items (8 in the root, 6 in each of two folders),
 * every fifth of them also a group, and one receiver. Each round, through the
 * console in Chromium (server/main.ts on PGlite serving it, a full administrator
 * signed in, the 100 already selected): "Delete", wait for what they own,
 * pick the receiver, type 100, then time from the pointer pressing "Delete 100
 * members" to the Results region reading "100 done". Then, through the API:
 * none of the 100 exists, the receiver holds all 2,000 items in
 * `<username>_root|_Maps|_Field Data` and every group, the organization's group
 * count is unchanged; at the end, with the server stopped, the database's item
 * count is unchanged (the API has no organization-wide item count).
 */
import type { Db, Queryable } from '../server/db/connection.ts'
import { insertRows } from '../server/seed/bulk.ts'
import { insertFolder, insertGroup, insertMember, newId } from '../server/seed/org.ts'
import { openDb } from '../server/db/connection.ts'
import { parseArgs } from 'node:util'
import { machine } from './lib/browser-report.ts'
import { type BulkBench, openBulkBench, pool, rest, signedInPage, timeConfirmToResults } from './lib/bulk-browser.ts'
import { writeResult } from './lib/results.ts'
import { round2, roundSummary, summarize } from './lib/stats.ts'
import { printTable } from './lib/table.ts'
import type { Figure } from './run-figures.ts'

const TARGET_MS = 10_000
const COUNT = 100
const ITEMS = 20
const FOLDERS = ['Maps', 'Field Data'] as const
/** Items per place: root, then each folder. */
const SPLIT = [8, 6, 6] as const
const GROUP_EVERY = 5

const memberName = (round: number, i: number) => `bulkdel${round}_${String(i + 1).padStart(3, '0')}`
const receiverName = (round: number) => `bulkrecv${round}`

/** Adds each round's 100 owners and receiver with server/seed code, in one transaction. */
async function seedRounds(db: Db, orgId: string, rounds: number): Promise<void> {
  const now = Date.now()
  await db.transaction(async (tx: Queryable) => {
    const items: unknown[][] = []
    for (let round = 1; round <= rounds; round++) {
      await insertMember(tx, orgId, { username: receiverName(round), firstName: 'Receiver', lastName: `Round ${round}`, role: 'org_publisher', userTypeId: 'creatorUT', lastLogin: now - 86_400_000 })
      for (let i = 0; i < COUNT; i++) {
        const username = memberName(round, i)
        const ownerId = await insertMember(tx, orgId, { username, firstName: 'Leaving', lastName: `${round}-${i + 1}`, role: 'org_user', userTypeId: 'creatorUT', lastLogin: now - 7 * 86_400_000 })
        const places: (string | null)[] = [null]
        for (const title of FOLDERS) places.push(await insertFolder(tx, ownerId, title))
        places.forEach((folderId, p) => {
          for (let k = 0; k < SPLIT[p]!; k++) items.push([newId(), ownerId, folderId, `${username} item ${items.length % ITEMS}`, 'Web Map', 1024, now, now])
        })
        if (i % GROUP_EVERY === 0) await insertGroup(tx, orgId, ownerId, `${username} team`)
      }
    }
    await insertRows(tx, 'items', ['id', 'owner_id', 'folder_id', 'title', 'type', 'size', 'created', 'modified'], items)
  })
}

interface Content {
  total: number
  items: { id: string }[]
  folders: { id: string; title: string }[]
}

async function expectGone(bench: BulkBench, usernames: readonly string[]): Promise<string[]> {
  const still: string[] = []
  await pool(usernames, 8, async (username) => {
    try {
      await rest(bench, `community/users/${encodeURIComponent(username)}`)
      still.push(username)
    } catch (error) {
      if (!String(error).includes('User does not exist')) throw error
    }
  })
  return still
}

/** Checks the receiver holds exactly what the 100 owned, where portal-api.md §6 says; returns what is wrong. */
async function checkReceiver(bench: BulkBench, round: number, usernames: readonly string[]): Promise<string[]> {
  const receiver = receiverName(round)
  const wrong: string[] = []
  const root = await rest<Content>(bench, `content/users/${receiver}`, { num: 100 })
  if (root.total !== 0) wrong.push(`receiver has ${root.total} root items`)
  const byTitle = new Map(root.folders.map((f) => [f.title, f.id]))
  let moved = 0
  const expected = usernames.flatMap((u) => [`${u}_root`, ...FOLDERS.map((f) => `${u}_${f}`)].map((title, p) => ({ title, count: SPLIT[p]! })))
  await pool(expected, 8, async ({ title, count }) => {
    const id = byTitle.get(title)
    if (!id) return void wrong.push(`no folder ${title}`)
    const inside = await rest<Content>(bench, `content/users/${receiver}/${id}`, { num: 1 })
    moved += inside.total
    if (inside.total !== count) wrong.push(`${title} holds ${inside.total}, not ${count}`)
  })
  if (moved !== COUNT * ITEMS) wrong.push(`receiver got ${moved} items, not ${COUNT * ITEMS}`)
  const groups = await rest<{ total: number }>(bench, 'community/groups', { q: `owner:${receiver}`, num: 1 })
  const groupsExpected = Math.ceil(COUNT / GROUP_EVERY)
  if (groups.total !== groupsExpected) wrong.push(`receiver owns ${groups.total} groups, not ${groupsExpected}`)
  return wrong
}

const orgGroupCount = async (bench: BulkBench) => (await rest<{ total: number }>(bench, 'community/groups', { num: 1 })).total

async function consoleDelete(bench: BulkBench, round: number) {
  const usernames = Array.from({ length: COUNT }, (_, i) => memberName(round, i))
  const selection: object[] = []
  await pool(usernames, 8, async (u) => {
    selection.push(await rest(bench, `community/users/${u}`))
  })
  const { context, page } = await signedInPage(bench, selection)
  try {
    await page.goto(`${bench.server.origin}/`)
    await page.getByRole('button', { name: `${COUNT} members selected` }).waitFor()
    await page.getByRole('button', { name: 'Delete', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Delete members' })
    const picker = dialog.getByRole('combobox', { name: 'Give their content to' })
    await picker.waitFor({ timeout: 60_000 })
    const receiver = receiverName(round)
    await picker.fill(receiver)
    await page.getByRole('option', { name: new RegExp(`\\(${receiver}\\)$`) }).click()
    await dialog.getByRole('textbox', { name: `Type ${COUNT} to confirm` }).fill(String(COUNT))
    const confirmName = `Delete ${COUNT} members`
    // Enabled once every member's holdings are known, the receiver picked and the count typed.
    await page.waitForFunction(
      (name) => [...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === name && !b.disabled && b.getAttribute('aria-disabled') !== 'true'),
      confirmName,
      { timeout: 90_000 },
    )
    const run = await timeConfirmToResults(page, confirmName, 'Delete members(?: \\(cancelled\\))?: \\d+ done', 120_000)
    return { run, usernames }
  } finally {
    await context.close()
  }
}

async function main() {
  const { values } = parseArgs({ options: { members: { type: 'string', default: '2000' }, rounds: { type: 'string', default: '3' } } })
  const members = Number(values.members)
  const rounds = Number(values.rounds)
  const loadBefore = machine()
  let itemsSeeded = 0
  const bench = await openBulkBench({
    members,
    extra: async (db, orgId) => {
      await seedRounds(db, orgId, rounds)
      itemsSeeded = (await db.query<{ n: number }>('select count(*)::int as n from items'))[0]!.n
    },
  })
  const samples: number[] = []
  const problems: string[] = []
  const rows: (string | number)[][] = []
  let progressShown = true
  try {
    const groupsBefore = await orgGroupCount(bench)
    for (let round = 1; round <= rounds; round++) {
      const { run, usernames } = await consoleDelete(bench, round)
      samples.push(run.ms)
      if (run.progressSeen < 2) progressShown = false
      if (!run.finalText.startsWith(`Delete members: ${COUNT} done, 0 skipped, 0 failed`)) problems.push(`round ${round}: "${run.finalText}"`)
      const still = await expectGone(bench, usernames)
      if (still.length) problems.push(`round ${round}: ${still.length} members still exist`)
      const wrong = await checkReceiver(bench, round, usernames)
      if (wrong.length) problems.push(`round ${round}: ${wrong.slice(0, 5).join('; ')}${wrong.length > 5 ? ` (+${wrong.length - 5})` : ''}`)
      const groupsAfter = await orgGroupCount(bench)
      if (groupsAfter !== groupsBefore) problems.push(`round ${round}: organization has ${groupsAfter} groups, had ${groupsBefore}`)
      rows.push([String(round), round2(run.ms), run.progressSeen, COUNT - still.length, wrong.length ? 'MISSING' : 'all 2000 + groups'])
    }
  } finally {
    await bench.server.stop()
    // The API has no organization-wide item count: ask the database, now that the server let go of it.
    const db = await openDb({ dataDir: bench.dataDir })
    const itemsAfter = (await db.query<{ n: number }>('select count(*)::int as n from items'))[0]!.n
    await db.close()
    if (itemsAfter !== itemsSeeded) problems.push(`organization holds ${itemsAfter} items, had ${itemsSeeded}`)
    await bench.close()
  }
  const summary = roundSummary(summarize(samples))
  const pass = problems.length === 0 && progressShown && summary.p95 <= TARGET_MS
  printTable(['round', 'console ms', 'progress readings', 'deleted', 'receiver holds'], rows)
  console.log(`median ${summary.p50} ms, p95 ${summary.p95} ms; items in the organization before/after: ${itemsSeeded}`)
  if (problems.length) console.log(`problems:\n  ${problems.join('\n  ')}`)
  const figures: Figure[] = [
    {
      figure: `delete ${COUNT} members owning ${ITEMS} items each, with reassign, console in Chromium, PGlite`,
      unit: 'ms',
      median: summary.p50,
      p95: summary.p95,
      target: '≤ 10 s, nothing lost',
      ratio: null,
      pass,
      note: `${rounds} rounds; ${problems.length ? `${problems.length} problems` : 'nothing lost'}${progressShown ? '' : '; progress NOT shown'}`,
    },
  ]
  writeResult('bulkDelete', {
    members,
    count: COUNT,
    itemsEach: ITEMS,
    rounds,
    database: 'PGlite (temp dir), server/main.ts in its own process',
    console: summary,
    samples: samples.map(round2),
    progressShown,
    problems,
    itemsSeeded,
    seedMs: round2(bench.seedMs),
    buildMs: round2(bench.buildMs),
    machine: { before: loadBefore, after: machine() },
    figures,
  })
  if (problems.length) process.exitCode = 1
}

await main()
