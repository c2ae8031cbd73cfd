import type { ArcGISIdentityManager } from '@esri/arcgis-rest-request'
import { completeSignIn, isOAuthCallback, restoreSession } from '../lib/auth.ts'
import { basePath } from '../lib/base-path.ts'
import { type ConsoleConfig, loadConfig } from '../lib/config.ts'
import { memberQueries } from '../features/members/api/member-queries.ts'
import type { MemberSearchParams } from '../features/members/api/search-query.ts'
import type { MemberSearchResponse } from '../features/members/types.ts'
import { takeEarlyConfig, takeEarlyList, takeEarlyResponse } from '../lib/early-requests.ts'
import { withQueryClient } from '../lib/query-client.ts'
import { setActivePortal } from '../lib/portal-client.ts'

export interface Boot {
  config: ConsoleConfig
  manager: ArcGISIdentityManager | null
  /** Why signing in failed on the way back from the portal (e.g. the user denied access). */
  signInError?: string
  /** Resolves once the list's early first page is in the query cache (true), or will not be (false). */
  earlyListSeeded: Promise<boolean>
}

let boot: Promise<Boot> | undefined

/** Runs once per page load (StrictMode runs effects twice; an OAuth code can be used only once). */
export function bootstrap(): Promise<Boot> {
  boot ??= start()
  return boot
}

async function start(): Promise<Boot> {
  const config = await (takeEarlyConfig() ?? loadConfig())
  setActivePortal(config.portalUrl, null)
  let manager: ArcGISIdentityManager | null = null
  let signInError: string | undefined
  if (isOAuthCallback()) {
    try {
      manager = await completeSignIn(config)
    } catch (error) {
      signInError = error instanceof Error ? error.message : String(error)
      // Leave the callback URL (its code is spent) for the start page.
      window.history.replaceState(null, '', basePath())
    }
  } else {
    manager = restoreSession(config)
  }
  setActivePortal(config.portalUrl, manager)
  const earlyListSeeded = manager ? seedEarlyList(config, manager) : Promise.resolve(false)
  return { config, manager, signInError, earlyListSeeded }
}

/**
 * The list's first page, fetched before React started (early-data.ts), goes
 * into the query cache, so the Members page renders its rows on its first
 * render instead of a loading state first. Only for the session the app
 * restored itself: same portal, same token; a failed answer is left out.
 */
function seedEarlyList(config: ConsoleConfig, manager: ArcGISIdentityManager): Promise<boolean> {
  const early = takeEarlyList()
  if (!early || early.portalUrl !== config.portalUrl || early.token !== manager.token) return Promise.resolve(false)
  return early.answer.then((answer) => {
    // Claimed here, so no later request (a refresh after a change) can get this answer again;
    // if the page already asked for it through portalRequest, it has it and nothing is left to do.
    const unclaimed = takeEarlyResponse(`${early.portalUrl}/portals/self/users/search`, early.params, early.token)
    if (answer === undefined || unclaimed === undefined) return false
    const { queryKey } = memberQueries.list(early.params as unknown as MemberSearchParams)
    withQueryClient((client) => {
      if (client.getQueryData(queryKey) === undefined) client.setQueryData(queryKey, answer as MemberSearchResponse)
    })
    return true
  })
}
