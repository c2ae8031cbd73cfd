import { buildMemberSearchParams, stableNow } from '../features/members/api/search-query.ts'
import { parseView } from '../features/members/api/search-view.ts'
import { COMMUNITY_SELF, type FirstScreen, MEMBER_SEARCH_PATH, PORTAL_SELF, type PortalRead, ROLES, USER_TYPES } from '../first-screen/first-screen-reads.ts'
import { earlySession, firstScreen } from '../first-screen/request-first-screen.ts'
import { isFirstScreenShown } from '../first-screen/show-first-screen.ts'
import { loadConfig } from '../lib/config.ts'
import { fetchEarly, offerEarlyResponse, requestKey, setEarlyConfig, setEarlyList } from '../lib/early-requests.ts'

/**
 * Imported by main.tsx before the app, so it runs before React and the app's
 * modules have even been loaded. Without it the first rows wait for a chain:
 * evaluate the app → config.json → who is signed in → render → search. Here
 * config.json starts at once, and the reads of the first screen (the list's
 * first page for the URL's view, who is signed in, roles, user types) are
 * offered to the app's own requests (lib/early-requests.ts): from the first
 * screen's answers (request-first-screen.ts), or, from a portal without one
 * (a real ArcGIS portal), asked for directly. Anything unexpected just skips it.
 */

/** The answer the first screen was drawn from for exactly this read, if any. */
export function answerIn(screen: FirstScreen | undefined, read: PortalRead): unknown {
  const key = requestKey(read.path, read.params, undefined)
  return screen?.answers.find((drawn) => requestKey(drawn.path, drawn.params, undefined) === key)?.answer
}

/** A frame for the browser to paint (a hidden tab has none: then a timer decides). */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100)
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer)
        resolve()
      }, 0),
    )
  })
}

/** Resolves once the first screen is painted, or known not to come. */
function startEarlyData(): Promise<unknown> {
  setEarlyConfig(loadConfig())
  const session = earlySession
  if (!session) return Promise.resolve()
  // Painted before the app gets its answers: the app's first render (~100 ms) would otherwise
  // come between them and the screen.
  const painted = firstScreen.then((drawn) => (drawn && isFirstScreenShown() ? nextPaint() : undefined))
  const offer = (read: PortalRead, askWithoutScreen: boolean) => {
    const url = `${session.portal}/${read.path}`
    const answer = painted
      .then(() => firstScreen)
      .then((drawn) => answerIn(drawn, read) ?? (askWithoutScreen ? fetchEarly(url, read.params, session.token) : undefined))
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
  return painted
}

export const firstScreenPainted = startEarlyData()
