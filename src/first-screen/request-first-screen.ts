import { basePath } from '../lib/base-path.ts'
import { browserDisplayLocale, type DisplayLocale } from '../lib/display-locale.ts'
import { isNoSuchOperation } from '../lib/no-such-operation.ts'
import { SESSION_STORAGE_KEY } from '../lib/session-key.ts'
import { FIRST_SCREEN_PATH, type FirstScreen, readQuery } from './first-screen-reads.ts'
import { showFirstScreen } from './show-first-screen.ts'

/**
 * Asks the portal for the first screen with the saved session, and shows it
 * when it comes. It runs twice: built apart and inlined as index.html's first
 * script (vite.config.ts), so the request leaves as soon as the page is
 * parsed, and as the first module of the bundle (main.tsx), which reuses
 * that copy's request or, where it did not run first (the dev server), makes
 * it. Both copies share the request through `window`.
 * Everything else that starts early is in src/app/early-data.ts.
 */

declare global {
  interface Window {
    membersConsoleFirstScreen?: Promise<FirstScreen | undefined>
  }
}

/** Where this tab remembers a portal without a first screen (a real ArcGIS portal), not to ask it on every load. */
const NO_FIRST_SCREEN_KEY = 'members-console:no-first-screen'

/** Where this tab remembers the browser's locale and time zone (see learnDisplayLocale). */
const DISPLAY_LOCALE_KEY = 'members-console:display-locale'

/** How long the app's early reads may wait for the first screen before asking for themselves. */
const FIRST_SCREEN_TIMEOUT_MS = 1_500

/** The saved session, when this load is the Members page and its token is good for another minute. */
function savedSession(): { portal: string; token: string } | undefined {
  // The Members list is the page at the base path; anything else (the OAuth callback) is left alone.
  const path = window.location.pathname
  if (path !== basePath() && `${path}/` !== basePath()) return undefined
  try {
    const saved = JSON.parse(sessionStorage.getItem(SESSION_STORAGE_KEY) ?? 'null')
    if (typeof saved?.portal !== 'string' || typeof saved?.token !== 'string' || !saved.token) return undefined
    const expires = saved.tokenExpires ? new Date(saved.tokenExpires).getTime() : Number.NaN
    // A token about to expire is refreshed by the app first: leave those requests to it.
    if (!(expires > Date.now() + 60_000)) return undefined
    return { portal: saved.portal.replace(/\/+$/, ''), token: saved.token }
  } catch {
    return undefined
  }
}

/**
 * The first screen for this page's URL, or undefined (the portal has none, or it failed: the app draws
 * as usual). Only from the server that serves the console: it alone has the extension, and its markup
 * is put into this page (its own CSP guards it).
 */
async function fetchFirstScreen(portalUrl: string, token: string): Promise<FirstScreen | undefined> {
  if (sessionStorage.getItem(NO_FIRST_SCREEN_KEY) === portalUrl || new URL(portalUrl).origin !== window.location.origin) return undefined
  // Drawn in this browser's locale and time zone, as the app will draw it (as far as this tab knows).
  const display = rememberedDisplayLocale() ?? learnDisplayLocale()
  const query = readQuery({ location: window.location.pathname + window.location.search, base: basePath(), ...display }, token)
  try {
    const response = await fetch(`${portalUrl}/${FIRST_SCREEN_PATH}?${query}`, { signal: AbortSignal.timeout(FIRST_SCREEN_TIMEOUT_MS) })
    const body = response.ok ? await response.json() : undefined
    if (typeof body?.html === 'string' && Array.isArray(body.answers)) return { ...body, drawnIn: display } as FirstScreen
    // Any other error (e.g. of a read it was drawn from) is left to the app's own requests to explain.
    if (isNoSuchOperation(response.status, body?.error)) sessionStorage.setItem(NO_FIRST_SCREEN_KEY, portalUrl)
  } catch {
    // Unreachable, too slow, or not JSON: the app's own requests will say what is wrong.
  }
  return undefined
}

/**
 * The browser's locale and time zone, remembered for this tab's next load.
 * The first screen is asked in the remembered ones: learning the browser's
 * costs ~30 ms on a page's first use of Intl (loading its data), which would
 * hold the request back, and a signed-in load is always a reload of the tab
 * the session lives in. The app learns them when it starts (it formats with
 * them anyway) and adopts a first screen only if it was drawn in them
 * (src/app/hydration.ts). A tab's first load learns them before it asks.
 */
export function learnDisplayLocale(): Required<DisplayLocale> {
  const actual = browserDisplayLocale()
  try {
    sessionStorage.setItem(DISPLAY_LOCALE_KEY, JSON.stringify(actual))
  } catch {
    // Storage full or blocked: the next load learns them again.
  }
  return actual
}

function rememberedDisplayLocale(): Required<DisplayLocale> | undefined {
  try {
    const saved = JSON.parse(sessionStorage.getItem(DISPLAY_LOCALE_KEY) ?? 'null')
    return typeof saved?.locale === 'string' && typeof saved?.timeZone === 'string' ? { locale: saved.locale, timeZone: saved.timeZone } : undefined
  } catch {
    return undefined
  }
}

/** The session this load starts with (undefined: nothing is fetched early). */
export const earlySession = savedSession()

async function requestFirstScreen(): Promise<FirstScreen | undefined> {
  if (!earlySession) return undefined
  const screen = await fetchFirstScreen(earlySession.portal, earlySession.token)
  if (screen) showFirstScreen(screen.html)
  return screen
}

// index.html's own copy asked already, unless the bundle's runs first.
window.membersConsoleFirstScreen ??= requestFirstScreen()

/** The first screen, asked for now and shown when it comes; undefined when there is none. */
export const firstScreen: Promise<FirstScreen | undefined> = window.membersConsoleFirstScreen
