import { buildMemberSearchParams, stableNow } from '../features/members/api/search-query.ts'
import { parseView } from '../features/members/api/search-view.ts'
import { COMMUNITY_SELF, type FirstScreen, MEMBER_SEARCH_PATH, PORTAL_SELF, type PortalRead, ROLES, USER_TYPES } from '../first-screen/first-screen-reads.ts'
import { fetchFirstScreen, showFirstScreen } from '../first-screen/show-first-screen.ts'
import { basePath, loadConfig } from '../lib/config.ts'
import { fetchEarly, offerEarlyResponse, requestKey, setEarlyConfig, setEarlyList } from '../lib/early-requests.ts'
import { SESSION_STORAGE_KEY } from '../lib/session-key.ts'

/**
 * Imported first by main.tsx, so it runs before React and the app's modules
 * have even been loaded. Without it the first rows wait for a chain:
 * evaluate the app → config.json → who is signed in → render → search. Here,
 * with the saved session's token, the first screen is asked for at once (our
 * portal server renders it, with the answers it was drawn from); a portal
 * without one (a real ArcGIS portal) gets the first page of the list (for the
 * URL's view), portals/self and community/self asked for directly instead.
 * The app picks the answers up through portalRequest (lib/early-requests.ts).
 * It reads only what the app would read itself and sends the token only to
 * the portal that issued it; anything unexpected just skips it.
 */
function savedSession(): { portal: string; token: string } | undefined {
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

/** The answer the first screen was drawn from for exactly this read, if any. */
function answerIn(screen: FirstScreen | undefined, read: PortalRead): unknown {
  const key = requestKey(read.path, read.params, undefined)
  return screen?.answers.find((drawn) => requestKey(drawn.path, drawn.params, undefined) === key)?.answer
}

/** Resolves once the first screen is shown (true), or known not to come (false). */
function startEarlyData(): Promise<boolean> {
  setEarlyConfig(loadConfig())
  // The Members list is the page at the base path; anything else (the OAuth callback) is left alone.
  const path = window.location.pathname
  if (path !== basePath() && `${path}/` !== basePath()) return Promise.resolve(false)
  const session = savedSession()
  if (!session) return Promise.resolve(false)
  const screen = fetchFirstScreen(session.portal, session.token)
  const offer = (read: PortalRead, askWithoutScreen: boolean) => {
    const url = `${session.portal}/${read.path}`
    const answer = screen.then((drawn) => answerIn(drawn, read) ?? (askWithoutScreen ? fetchEarly(url, read.params, session.token) : undefined))
    return offerEarlyResponse(url, read.params, session.token, answer)
  }
  const view = parseView(new URLSearchParams(window.location.search))
  const search: PortalRead = { path: MEMBER_SEARCH_PATH, params: { ...buildMemberSearchParams(view, stableNow()) } }
  // The search first: the portal answers in order, and it is the slowest.
  const answer = offer(search, true)
  // bootstrap.ts puts it in the query cache for the first render (or the list's own request takes it).
  setEarlyList({ portalUrl: session.portal, params: search.params, token: session.token, answer })
  offer(PORTAL_SELF, true)
  offer(COMMUNITY_SELF, true)
  offer(ROLES, false)
  offer(USER_TYPES, false)
  return screen.then((drawn) => (drawn ? showFirstScreen(drawn.html) : false))
}

export const firstScreenSettled = startEarlyData()
