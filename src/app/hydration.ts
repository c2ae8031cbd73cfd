import { rolesFrom, type RolesResponse } from '../features/members/api/get-roles.ts'
import { userTypesFrom, type UserTypesResponse } from '../features/members/api/get-user-types.ts'
import { memberQueries } from '../features/members/api/member-queries.ts'
import { hasStoredSelection } from '../features/members/hooks/use-member-selection.ts'
import { COMMUNITY_SELF, PORTAL_SELF, ROLES, USER_TYPES } from '../first-screen/first-screen-reads.ts'
import { firstScreen, learnDisplayLocale } from '../first-screen/request-first-screen.ts'
import { isFirstScreenShown } from '../first-screen/show-first-screen.ts'
import { takeEarlyResponse } from '../lib/early-requests.ts'
import { withQueryClient } from '../lib/query-client.ts'
import { type CommunitySelf, orgIdOf, type PortalSelf, VIEW_USERS } from '../lib/session.tsx'
import { type Boot, bootstrap } from './bootstrap.ts'
import { answerIn } from './early-data.ts'

/** How long the app's start may wait for the list's first page to be in the cache, to adopt the first screen. */
const SEED_WAIT_MS = 1_000

/** What the app starts from when it adopts the first screen: who is signed in, as the server drew it. */
export interface HydrationStart {
  boot: Boot
  portal: PortalSelf
  self: CommunitySelf
}

/**
 * Whether this load can adopt the server's first screen (hydrateRoot)
 * instead of drawing its own page and swapping it in: the first screen is
 * shown, this tab restored its session, and the answers the server drew from
 * say this member may view members. Then the app's first render is that very
 * page: the signed-in state is set from those answers (app.tsx), and the
 * roles, user types and the list's first page are in the query cache before
 * it (the list through bootstrap.ts). Their early copies are claimed, so no
 * later request gets one. Otherwise undefined: the app starts as usual.
 */
export async function prepareHydration(): Promise<HydrationStart | undefined> {
  // Learned on every start, for the next load's first screen (request-first-screen.ts).
  const browsers = learnDisplayLocale()
  const screen = await firstScreen
  if (!screen || !isFirstScreenShown()) return undefined
  // Drawn in the locale and time zone this tab had last: if the browser's are others now, every date
  // would differ.
  if (screen.drawnIn?.locale !== browsers.locale || screen.drawnIn?.timeZone !== browsers.timeZone) return undefined
  const boot = await bootstrap()
  const token = boot.manager?.token
  if (!token || boot.signInError) return undefined
  // The first page must be in the cache for the first render, as on the server. It comes a moment
  // after the first screen's paint (early-data.ts), which a slow start of the app can come before;
  // where the screen lacks it (a date filter crossed a minute), the early request is not waited for.
  if (!(await Promise.race([boot.earlyListSeeded, new Promise<false>((resolve) => setTimeout(resolve, SEED_WAIT_MS, false))]))) return undefined
  const reads = [PORTAL_SELF, COMMUNITY_SELF, ROLES, USER_TYPES]
  const [portal, self, roles, userTypes] = reads.map((read) => answerIn(screen, read)) as [PortalSelf | undefined, CommunitySelf | undefined, unknown, unknown]
  if (!portal || !self || !roles || !userTypes || !self.privileges?.includes(VIEW_USERS)) return undefined
  // A selection kept from before the reload is on the app's page, not on the server's: React would
  // find the two different and draw the page again anyway.
  if (hasStoredSelection(orgIdOf(portal, self), self.username)) return undefined
  for (const read of reads) takeEarlyResponse(`${boot.config.portalUrl.replace(/\/+$/, '')}/${read.path}`, read.params, token)
  withQueryClient((client) => {
    client.setQueryData(memberQueries.roles().queryKey, rolesFrom(roles as RolesResponse))
    client.setQueryData(memberQueries.userTypes().queryKey, userTypesFrom(userTypes as UserTypesResponse))
  })
  return { boot, portal, self }
}
