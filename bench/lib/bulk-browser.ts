import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from '@playwright/test'
import type { Db } from '../../server/db/connection.ts'
import { openDb } from '../../server/db/connection.ts'
import { ensureDemoOrganization } from '../../server/seed/demo.ts'
import { selectionStorageKey } from '../../src/features/members/hooks/selection-key.ts'
import { SESSION_STORAGE_KEY } from '../../src/lib/session-key.ts'
import { buildConsole } from './browser-fixture.ts'
import { type ConsoleServer, launchChromium, signIn, startConsoleServer } from './browser.ts'

/**
 * What the bulk benchmarks (bulk-role.ts, bulk-delete.ts) share: a PGlite
 * database seeded with the server's own seeder before the server starts (PGlite
 * is one process's), the built console, `server/main.ts` in its own process
 * serving both, and Chromium signed in as a full administrator with a
 * selection already in sessionStorage, the way the console keeps them.
 */

export const BULK_ADMIN = 'admin'
export const BULK_ADMIN_PASSWORD = 'bench-Admin-pass-1'
export const BULK_MEMBER_PASSWORD = 'bench-Member-pass-1'
const CLIENT_ID = 'members-console'

export interface BulkBench {
  workDir: string
  dataDir: string
  consoleDir: string
  buildMs: number
  seedMs: number
  server: ConsoleServer
  browser: Browser
  adminToken: string
  adminTokenExpires: number
  orgId: string
  close(): Promise<void>
}

/**
 * Seeds a demo organization of `members` members plus whatever `extra` adds
 * (through server/seed and server/db code), closes the database, builds the
 * console, starts the server process on it and launches Chromium.
 */
export async function openBulkBench(options: { members: number; extra?: (db: Db, orgId: string) => Promise<void> }): Promise<BulkBench> {
  const workDir = await mkdtemp(join(tmpdir(), 'members-bulk-bench-'))
  const dataDir = join(workDir, 'data')
  const cleanups: (() => Promise<void>)[] = [() => rm(workDir, { recursive: true, force: true })]
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error) => console.warn(error))
  }
  try {
    const seedStarted = performance.now()
    const db = await openDb({ dataDir })
    try {
      await ensureDemoOrganization(db, {
        adminUsername: BULK_ADMIN,
        adminPassword: BULK_ADMIN_PASSWORD,
        members: options.members,
        seed: 1,
        memberPassword: BULK_MEMBER_PASSWORD,
      })
      const [org] = await db.query<{ id: string }>('select id from orgs limit 1')
      if (options.extra) {
        await options.extra(db, org!.id)
        await db.query('vacuum analyze')
      }
    } finally {
      await db.close()
    }
    const seedMs = performance.now() - seedStarted
    // The same cached build as the browser benchmarks: one `vite build` per source version.
    const built = await buildConsole()
    const server = await startConsoleServer(dataDir, built.dir)
    cleanups.push(() => server.stop())
    const token = await signIn(server, { username: BULK_ADMIN, password: BULK_ADMIN_PASSWORD })
    const portal = await rest<{ id: string }>({ server, adminToken: token.token }, 'portals/self')
    const browser = await launchChromium()
    cleanups.push(() => browser.close())
    return { workDir, dataDir, consoleDir: built.dir, buildMs: built.ms, seedMs, server, browser, adminToken: token.token, adminTokenExpires: token.expires, orgId: portal.id, close }
  } catch (error) {
    await close()
    throw error
  }
}

/** One REST call with the admin token; throws on the ArcGIS error envelope. */
export async function rest<T>(bench: Pick<BulkBench, 'server' | 'adminToken'>, path: string, params: Record<string, string | number> = {}, method: 'GET' | 'POST' = 'GET'): Promise<T> {
  const all = new URLSearchParams({ ...Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])), f: 'json', token: bench.adminToken })
  const url = `${bench.server.restUrl}/${path}`
  const response = method === 'GET' ? await fetch(`${url}?${all}`) : await fetch(url, { method: 'POST', body: all })
  const json = (await response.json()) as T & { error?: { message: string; details?: unknown[] } }
  if (json.error) throw new Error(`${path}: ${json.error.message} ${JSON.stringify(json.error.details ?? [])}`)
  return json
}

/** Runs `work` over `items`, at most `concurrency` at once. */
export async function pool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items]
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item)
    }),
  )
}

/** A fresh tab (its own sessionStorage) signed in as the administrator, with `selection` already selected. */
export async function signedInPage(bench: BulkBench, selection: readonly object[]): Promise<{ context: BrowserContext; page: Page }> {
  const context = await bench.browser.newContext({ viewport: { width: 1440, height: 900 } })
  const session = JSON.stringify({
    clientId: CLIENT_ID,
    username: BULK_ADMIN,
    token: bench.adminToken,
    tokenExpires: bench.adminTokenExpires,
    portal: bench.server.restUrl,
    ssl: false,
  })
  await context.addInitScript(
    ([keys, values]) => {
      if (sessionStorage.getItem('bench:injected')) return
      sessionStorage.setItem('bench:injected', '1')
      sessionStorage.setItem(keys[0]!, values[0]!)
      sessionStorage.setItem(keys[1]!, values[1]!)
    },
    [
      [SESSION_STORAGE_KEY, selectionStorageKey(bench.orgId, BULK_ADMIN)],
      [session, JSON.stringify(selection)],
    ] as const,
  )
  const page = await context.newPage()
  return { context, page }
}

export interface TimedRun {
  /** Confirm pressed → the Results region's final line, in the page's own clock. */
  ms: number
  /** Distinct progress readings seen while it ran ("37 of 100"). */
  progressSeen: number
  finalText: string
}

/**
 * Clicks `confirm` and times, inside the page, from the pointer going down on
 * it until the Results region's status reads `done` (a RegExp source). A
 * MutationObserver notes every progress text ("… 37 of 100…") on the way.
 */
export async function timeConfirmToResults(page: Page, confirmName: string, done: string, timeoutMs: number): Promise<TimedRun> {
  const confirm = page.getByRole('button', { name: confirmName, exact: true })
  await confirm.waitFor({ state: 'visible' })
  // A string, not a function: tsx's transform would wrap named inner functions in a helper the page lacks.
  await page.evaluate(`(() => {
    const name = ${JSON.stringify(confirmName)}
    const finished = new RegExp(${JSON.stringify(done)})
    const state = { start: 0, end: 0, progress: new Set(), text: '' }
    window.__bench = state
    document.addEventListener('pointerdown', (event) => {
      const button = event.target && event.target.closest ? event.target.closest('button') : null
      if (!state.start && button && button.textContent.trim() === name) state.start = performance.now()
    }, { capture: true })
    const check = () => {
      if (state.end) return
      for (const bar of document.querySelectorAll('[role=progressbar]')) {
        const now = bar.getAttribute('aria-valuenow')
        if (now) state.progress.add(now)
      }
      // The count is on screen in the region, not in the status (which is announced only at start and end).
      const region = document.querySelector('section[aria-label="Results"]')
      const reading = /(\\d+) of \\d+/.exec(region ? region.textContent : '')
      if (reading) state.progress.add(reading[1])
      // The run's end as the page's status announces it (bulk-results.tsx: outside the region, so a modal dialog does not hide it).
      for (const status of document.querySelectorAll('[role=status]')) {
        if (!finished.test(status.textContent)) continue
        state.end = performance.now()
        state.text = status.textContent
      }
    }
    new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true })
  })()`)
  await confirm.click()
  // A function here: waitForFunction evaluates strings with eval, which the console's CSP forbids.
  await page.waitForFunction(() => (window as unknown as { __bench: { end: number } }).__bench.end > 0, null, { timeout: timeoutMs, polling: 50 })
  const result = await page.evaluate<{ ms: number; progress: string[]; text: string }>(
    '({ ms: window.__bench.end - window.__bench.start, progress: [...window.__bench.progress], text: window.__bench.text })',
  )
  if (!(result.ms > 0)) throw new Error('The confirm press was not seen in the page')
  return { ms: result.ms, progressSeen: result.progress.length, finalText: result.text }
}
