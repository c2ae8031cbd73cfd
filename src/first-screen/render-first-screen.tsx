import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { renderToString } from 'react-dom/server'
import { MemoryRouter } from 'react-router'
import { AppPage, routerBasename } from '../app/router.tsx'
import { rolesFrom, type RolesResponse } from '../features/members/api/get-roles.ts'
import { userTypesFrom, type UserTypesResponse } from '../features/members/api/get-user-types.ts'
import { memberQueries } from '../features/members/api/member-queries.ts'
import { buildMemberSearchParams, stableNow } from '../features/members/api/search-query.ts'
import { parseView } from '../features/members/api/search-view.ts'
import type { MemberSearchResponse } from '../features/members/types.ts'
import type { DisplayLocale } from '../lib/display-locale.ts'
import { withDisplayLocale } from '../lib/format.ts'
import { type CommunitySelf, type PortalSelf, SessionProvider, sessionFrom } from '../lib/session.tsx'
import { COMMUNITY_SELF, type FirstScreen, MEMBER_SEARCH_PATH, PORTAL_SELF, type PortalRead, ROLES, USER_TYPES } from './first-screen-reads.ts'

export interface FirstScreenRequest {
  /** The console's URL below its origin, e.g. '/?q=smith&page=2'. */
  location: string
  /** The console's base path, e.g. '/' or '/members/'. */
  base: string
  /** The browser's locale and time zone (the server's own where not given). */
  display: DisplayLocale
  /** Answers one portal read as the signed-in member (the portal server calls its own routes). */
  read: (request: PortalRead) => Promise<unknown>
}

/**
 * Renders, on the portal server, what the console's first render will show
 * for this URL and member: the Members page with its first page of rows,
 * drawn by the app's own components from the same reads the app makes. The
 * browser shows it, inert, until the app adopts it (hydrateRoot: the tree
 * here and the app's must stay alike, src/app/hydration.ts) or draws its own
 * (src/first-screen/show-first-screen.ts).
 * The caller must hold portal:admin:viewUsers (the server checks it).
 */
export async function renderFirstScreen({ location, base, display, read }: FirstScreenRequest): Promise<FirstScreen> {
  const url = new URL(location, 'http://console.invalid')
  const params = buildMemberSearchParams(parseView(url.searchParams), stableNow())
  const search: PortalRead = { path: MEMBER_SEARCH_PATH, params: { ...params } }
  // The search first: it is the slowest, and a portal on one connection answers in order.
  const reads = [search, PORTAL_SELF, COMMUNITY_SELF, ROLES, USER_TYPES]
  const [list, portal, self, roles, userTypes] = await Promise.all(reads.map(read))
  const session = sessionFrom(portal as PortalSelf, self as CommunitySelf, async () => {})

  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY, retry: false } } })
  client.setQueryData(memberQueries.list(params).queryKey, list as MemberSearchResponse)
  client.setQueryData(memberQueries.roles().queryKey, rolesFrom(roles as RolesResponse))
  client.setQueryData(memberQueries.userTypes().queryKey, userTypesFrom(userTypes as UserTypesResponse))
  const html = withDisplayLocale(display, () =>
    renderToString(
      <QueryClientProvider client={client}>
        <SessionProvider session={session}>
          <MemoryRouter basename={routerBasename(base)} initialEntries={[url.pathname + url.search]}>
            <AppPage />
          </MemoryRouter>
        </SessionProvider>
      </QueryClientProvider>,
    ),
  )
  const answers = [list, portal, self, roles, userTypes]
  return { html, answers: reads.map((request, i) => ({ ...request, answer: answers[i] })) }
}
