import { basePath } from '../lib/config.ts'
import { FIRST_SCREEN_PATH, type FirstScreen } from './first-screen-reads.ts'

/**
 * The first screen in the browser. The portal server renders the Members page
 * with the console's own components (render-first-screen.tsx); the early
 * module (src/app/early-data.ts) asks for it before the app's script has run,
 * and it is shown in `#first-screen` (index.html: inert and hidden from
 * assistive technology, since nothing in it works yet) while `#root` is
 * hidden (base.css). The app removes it once it has drawn its own.
 */

const ELEMENT_ID = 'first-screen'
/** Where this tab remembers a portal without a first screen (a real ArcGIS portal), not to ask it on every load. */
const NO_FIRST_SCREEN_KEY = 'members-console:no-first-screen'

let appHasDrawn = false

/** The first screen for this page's URL, or undefined (the portal has none, or it failed: the app draws as usual). */
export async function fetchFirstScreen(portalUrl: string, token: string): Promise<FirstScreen | undefined> {
  if (sessionStorage.getItem(NO_FIRST_SCREEN_KEY) === portalUrl) return undefined
  const query = new URLSearchParams({ f: 'json', token, location: window.location.pathname + window.location.search, base: basePath() })
  try {
    const response = await fetch(`${portalUrl}/${FIRST_SCREEN_PATH}?${query}`)
    const body = response.ok ? await response.json() : undefined
    if (typeof body?.html === 'string' && Array.isArray(body.answers)) return body as FirstScreen
    // No such operation here: HTTP 404, or ArcGIS's "invalid URL" envelope (code 400).
    if (response.status === 404 || body?.error?.code === 400) sessionStorage.setItem(NO_FIRST_SCREEN_KEY, portalUrl)
  } catch {
    // Unreachable or not JSON: the app's own requests will say what is wrong.
  }
  return undefined
}

/** Shows the server's markup, unless the app has already drawn its own; true if shown. */
export function showFirstScreen(html: string): boolean {
  const element = document.getElementById(ELEMENT_ID)
  if (!element || appHasDrawn) return false
  element.innerHTML = html
  return true
}

/** The app has drawn its first screen (called in a layout effect, so the swap happens within one frame). */
export function removeFirstScreen(): void {
  appHasDrawn = true
  document.getElementById(ELEMENT_ID)?.remove()
}
