import { buildMemberSearchParams, stableNow } from '../features/members/api/search-query.ts'
import { parseView } from '../features/members/api/search-view.ts'
import { basePath, loadConfig } from '../lib/config.ts'
import { setEarlyConfig, setEarlyList, startEarlyRequest } from '../lib/early-requests.ts'
import { SESSION_STORAGE_KEY } from '../lib/session-key.ts'

/**
 * Imported first by main.tsx, so it runs before React and the app's modules
 * have even been evaluated. Without it the first rows wait for a chain:
 * evaluate the app → config.json → who is signed in → render → search. Here
 * config.json, portals/self, community/self and the first page of the list
 * (for the URL's view) all start at once, with the saved session's token;
 * the app picks the answers up through portalRequest (lib/early-requests.ts).
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

function startEarlyData(): void {
  setEarlyConfig(loadConfig())
  // The Members list is the page at the base path; anything else (the OAuth callback) is left alone.
  const path = window.location.pathname
  if (path !== basePath() && `${path}/` !== basePath()) return
  const session = savedSession()
  if (!session) return
  const view = parseView(new URLSearchParams(window.location.search))
  // The search first: the portal answers in order, and it is the slowest of the three.
  const params = { ...buildMemberSearchParams(view, stableNow()) }
  const answer = startEarlyRequest(`${session.portal}/portals/self/users/search`, params, session.token)
  // bootstrap.ts puts it in the query cache for the first render (or the list's own request takes it).
  setEarlyList({ portalUrl: session.portal, params, token: session.token, answer })
  startEarlyRequest(`${session.portal}/portals/self`, {}, session.token)
  startEarlyRequest(`${session.portal}/community/self`, {}, session.token)
}

startEarlyData()
