/**
 * The portal reads the first screen is drawn from, named once: the app makes
 * exactly these requests (the list's first page, who is signed in, roles,
 * user types), the portal server makes them for the first screen it renders
 * (render-first-screen.tsx), and the answers it sends back are handed to the
 * app's own requests. Free of app imports: the first screen's loader must
 * stay small.
 */

export interface PortalRead {
  /** Below the portal URL, e.g. 'portals/self/roles'. */
  path: string
  params: Record<string, unknown>
}

export const PORTAL_SELF: PortalRead = { path: 'portals/self', params: {} }
export const COMMUNITY_SELF: PortalRead = { path: 'community/self', params: {} }
export const ROLES: PortalRead = { path: 'portals/self/roles', params: { returnPrivileges: true, start: 1, num: 100 } }
export const USER_TYPES: PortalRead = { path: 'portals/self/userLicenseTypes', params: { start: 1, num: 100 } }
export const MEMBER_SEARCH_PATH = 'portals/self/users/search'

/** A GET's query as REST JS sends it: f=json, the token, and the parameters without empty ones. */
export function readQuery(params: Record<string, unknown>, token: string): URLSearchParams {
  const query = new URLSearchParams({ f: 'json', token })
  for (const [name, value] of Object.entries(params)) if (value !== undefined && value !== null) query.set(name, String(value))
  return query
}

/** The portal server's extension that renders the first screen (README.md, "How the first rows come early"). */
export const FIRST_SCREEN_PATH = 'console/firstScreen'

/** What the portal server answers: the first screen's markup and the answers it was drawn from. */
export interface FirstScreen {
  html: string
  answers: { path: string; params: Record<string, unknown>; answer: unknown }[]
  /** Set by the browser's loader: the locale and time zone it asked the screen to be drawn in. */
  drawnIn?: { locale?: string; timeZone?: string }
}
