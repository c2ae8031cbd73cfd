import { type Browser, type BrowserContext, chromium, type Page } from '@playwright/test'
import { chromiumLaunchOptions } from '../../e2e/support/chromium.ts'
import { SESSION_STORAGE_KEY } from '../../src/lib/session-key.ts'
import { startServerProcess } from '../load-servers.ts'
import { BENCH_ADMIN, BENCH_ADMIN_PASSWORD } from './browser-fixture.ts'

/**
 * Plumbing of the browser benchmarks: the portal server in its own process
 * serving the built console, a signed-in session put where the console
 * restores it from (as e2e/support/fixtures.ts does), Debian's chromium, and
 * an in-page probe that notes when the Members table shows the rows expected.
 */

const CLIENT_ID = 'members-console'

export interface ConsoleServer {
  pid: number
  origin: string
  restUrl: string
  stop(): Promise<void>
}

/** `server/main.ts` (as `npm start` runs it) on the seeded directory, serving the console from `consoleDir`. */
export async function startConsoleServer(dataDir: string, consoleDir: string): Promise<ConsoleServer> {
  const server = await startServerProcess({ dataDir }, { CONSOLE_DIR: consoleDir })
  return { ...server, origin: server.restUrl.replace(/\/sharing\/rest$/, '') }
}

export interface PortalSession {
  token: string
  expires: number
  restUrl: string
  /**
   * The tab's sessionStorage as the console left it on a load with this
   * session (tabStorageAfterLoad). A signed-in load is a reload of the tab the
   * session lives in, so it starts with it; without it, only the session.
   */
  tabStorage?: Record<string, string>
}

/** generateToken (the bench administrator's by default), as e2e signs in. */
export async function signIn(
  server: Pick<ConsoleServer, 'origin' | 'restUrl'>,
  credentials: { username: string; password: string } = { username: BENCH_ADMIN, password: BENCH_ADMIN_PASSWORD },
): Promise<PortalSession> {
  const body = new URLSearchParams({
    username: credentials.username,
    password: credentials.password,
    client: 'referer',
    referer: server.origin,
    expiration: '120',
    f: 'json',
  })
  const answer = (await (await fetch(`${server.restUrl}/generateToken`, { method: 'POST', body })).json()) as { token?: string; expires?: number; error?: unknown }
  if (!answer.token) throw new Error(`generateToken failed: ${JSON.stringify(answer.error ?? answer)}`)
  return { token: answer.token, expires: answer.expires!, restUrl: server.restUrl }
}

export interface SearchAnswer {
  total: number
  results: { username: string; fullName: string; firstName?: string; lastName?: string; email: string; role: string; userLicenseTypeId: string; disabled: boolean; lastLogin: number; created: number; provider?: string }[]
}

/** One org search over HTTP with the console's defaults (sort by full name, 25 a page). */
export async function searchMembers(session: PortalSession, params: Record<string, string | number | undefined>): Promise<SearchAnswer> {
  const query = new URLSearchParams({ sortField: 'fullname', sortOrder: 'asc', start: '1', num: '25', f: 'json', token: session.token })
  for (const [key, value] of Object.entries(params)) if (value !== undefined) query.set(key, String(value))
  const answer = (await (await fetch(`${session.restUrl}/portals/self/users/search?${query}`)).json()) as SearchAnswer & { error?: unknown }
  if (answer.error) throw new Error(`search failed: ${JSON.stringify(answer.error)}`)
  return answer
}

/** Chromium as the end-to-end tests launch it (e2e/support/chromium.ts). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions())
}

export const VIEWPORT = { width: 1440, height: 900 }

/**
 * A fresh context (empty cache, new connections) whose pages start signed in:
 * the serialized session the console restores, as e2e/support/fixtures.ts puts it.
 * Every page also gets the row probe (installRowProbe).
 */
export async function newSignedInContext(browser: Browser, session: PortalSession | null, initialTarget: RowTarget | null = null): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: VIEWPORT })
  // tsx compiles with esbuild's keepNames, which wraps functions in __name(): functions sent to the page need it.
  await context.addInitScript({ content: 'globalThis.__name ??= (target) => target' })
  if (session) {
    const value = JSON.stringify({ clientId: CLIENT_ID, username: BENCH_ADMIN, token: session.token, tokenExpires: session.expires, portal: session.restUrl, ssl: false })
    const storage = session.tabStorage ?? { [SESSION_STORAGE_KEY]: value }
    await context.addInitScript((entries) => {
      for (const [key, saved] of Object.entries(entries)) sessionStorage.setItem(key, saved)
    }, storage)
  }
  await context.exposeBinding(PROBE_BINDING, ({ page }, result: RowProbeResult) => probeReports(page).report(result))
  await context.addInitScript(installRowProbe, initialTarget)
  return context
}

/** `session` with the tab's sessionStorage as the console leaves it after loading `url` (untimed). */
export async function tabStorageAfterLoad(browser: Browser, url: string, session: PortalSession, target: RowTarget): Promise<PortalSession> {
  const context = await newSignedInContext(browser, session, target)
  try {
    const page = await context.newPage()
    await page.goto(url, { waitUntil: 'commit' })
    await waitForRows(page, 120_000)
    await page.waitForLoadState('networkidle')
    const tabStorage = await page.evaluate(() => Object.fromEntries(Object.entries(sessionStorage)))
    return { ...session, tabStorage }
  } finally {
    await context.close()
  }
}

/**
 * The probe's reports, per page. The probe calls a binding when the rows are
 * painted, instead of Playwright polling the page for them: its polling
 * (`waitForFunction`) first injects its own ~14 ms script into the page and
 * then runs a check every frame on the main thread being timed.
 */
const PROBE_BINDING = '__rowProbeReport'
const reportsByPage = new WeakMap<Page, ReturnType<typeof newProbeReports>>()

function newProbeReports() {
  let latest: RowProbeResult | null = null
  let waiters: ((result: RowProbeResult) => void)[] = []
  return {
    report(result: RowProbeResult) {
      latest = result
      for (const resolve of waiters) resolve(result)
      waiters = []
    },
    clear() {
      latest = null
    },
    next(): Promise<RowProbeResult> {
      return latest ? Promise.resolve(latest) : new Promise((resolve) => waiters.push(resolve))
    },
  }
}

function probeReports(page: Page) {
  let reports = reportsByPage.get(page)
  if (!reports) {
    reports = newProbeReports()
    reportsByPage.set(page, reports)
  }
  return reports
}

/** What the probe waits for: the table's body rows are exactly these members (by email), in order. */
export interface RowTarget {
  emails: string[]
  /** Also required: the page URL's `q` equals this (the console committed the search typed). */
  urlQ?: string
}

export interface RowProbeResult {
  /** performance.now() when the DOM first held the target rows. */
  dom: number
  /** After the next animation frame's rendering: the rows are painted. */
  painted: number
}

declare global {
  interface Window {
    __rowProbe: {
      arm(target: RowTarget): void
      result: RowProbeResult | null
      /**
       * timeStamps of keystrokes, for "last keystroke": each keydown, and text inserted with no keydown
       * before it (Playwright types a character the keyboard layout lacks, such as the ë of "zoë", as
       * inserted text: no key events, only input events).
       */
      keystrokes: number[]
      /** timeStamps of clicks. */
      clicks: number[]
    }
  }
}

/**
 * Runs in the page before any of its scripts (an init script, so the console's
 * CSP does not apply). A MutationObserver checks, after each batch of DOM
 * changes, whether the Members table shows the armed target; when it does it
 * notes performance.now() (navigation start is 0), then the time after the
 * next frame has rendered. `initial` is armed from the start (cold load).
 */
function installRowProbe(initial: RowTarget | null) {
  const probe: Window['__rowProbe'] = {
    result: null,
    keystrokes: [],
    clicks: [],
    arm(target) {
      armed = target
      probe.result = null
      check()
    },
  }
  let armed: RowTarget | null = initial
  const matches = (target: RowTarget) => {
    if (target.urlQ !== undefined && (new URLSearchParams(location.search).get('q') ?? '') !== target.urlQ) return false
    const table = document.querySelector<HTMLTableElement>('table[aria-label="Members"]')
    const rows = table?.tBodies[0]?.rows
    if (!rows || rows.length !== target.emails.length) return false
    for (let i = 0; i < rows.length; i++) if (!rows[i]!.textContent!.includes(target.emails[i]!)) return false
    return true
  }
  const check = () => {
    if (!armed || probe.result || !matches(armed)) return
    const dom = performance.now()
    armed = null
    requestAnimationFrame(() => {
      // A task queued from rAF runs once that frame has been rendered.
      const channel = new MessageChannel()
      channel.port1.onmessage = () => {
        probe.result = { dom, painted: performance.now() }
        ;(window as unknown as Record<string, (result: RowProbeResult) => void>).__rowProbeReport?.(probe.result)
      }
      channel.port2.postMessage(null)
    })
  }
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true })
  let keyDown = false
  addEventListener(
    'keydown',
    (event) => {
      probe.keystrokes.push(event.timeStamp)
      keyDown = true
    },
    true,
  )
  addEventListener('keyup', () => (keyDown = false), true)
  addEventListener('beforeinput', (event) => !keyDown && probe.keystrokes.push(event.timeStamp), true)
  addEventListener('click', (event) => probe.clicks.push(event.timeStamp), true)
  window.__rowProbe = probe
}

/** Waits for the armed target to be painted; returns the probe's times. */
export async function waitForRows(page: Page, timeout = 30_000): Promise<RowProbeResult> {
  let timer: NodeJS.Timeout | undefined
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`The expected rows were not painted within ${timeout} ms`)), timeout)
  })
  try {
    return await Promise.race([probeReports(page).next(), timedOut])
  } finally {
    clearTimeout(timer)
  }
}

/** Arms the probe in a page already loaded. */
export async function armRows(page: Page, target: RowTarget): Promise<void> {
  probeReports(page).clear()
  await page.evaluate((t) => window.__rowProbe.arm(t), target)
}
