import type { ArcGISIdentityManager } from '@esri/arcgis-rest-request'
import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'
import { beginSignIn, forgetSession, saveSession, signOut as revokeAndForget } from '../lib/auth.ts'
import type { ConsoleConfig } from '../lib/config.ts'
import { onPrivilegeRefused, onSessionExpired, onTokenUsed, PortalRequestError, setActivePortal } from '../lib/portal-client.ts'
import { loadSession, type Session, sameAccess, sessionFrom } from '../lib/session.tsx'
import { bootstrap } from './bootstrap.ts'
import type { HydrationStart } from './hydration.ts'

/** How often a refused privilege may make the console read the session again. */
const REREAD_SESSION_MS = 10_000

export type AuthState =
  | { status: 'starting' }
  | { status: 'signed-out'; notice?: string; error?: string }
  | { status: 'signed-in'; session: Session }
  | { status: 'failed'; error: string }

/**
 * The console's sign-in state machine: boot, restore or complete sign-in, load who we are, sign out.
 * `hydrated`: the app adopts the server's first screen, so it starts signed in, as that page was drawn.
 */
export function useAuth(hydrated?: HydrationStart) {
  const queryClient = useQueryClient()
  // The session's signOut is the one defined below (a session made before it calls it through this).
  const signOutRef = useRef<() => Promise<void>>(async () => {})
  const [state, setState] = useState<AuthState>(() =>
    hydrated ? { status: 'signed-in', session: sessionFrom(hydrated.portal, hydrated.self, () => signOutRef.current()) } : { status: 'starting' },
  )
  const configRef = useRef<ConsoleConfig | null>(hydrated?.boot.config ?? null)
  const managerRef = useRef<ArcGISIdentityManager | null>(hydrated?.boot.manager ?? null)

  const endSession = useCallback(
    (next: AuthState) => {
      managerRef.current = null
      if (configRef.current) setActivePortal(configRef.current.portalUrl, null)
      queryClient.clear()
      setState(next)
    },
    [queryClient],
  )

  const signOut = useCallback(async () => {
    const manager = managerRef.current
    if (manager) await revokeAndForget(manager)
    endSession({ status: 'signed-out', notice: 'You have signed out.' })
  }, [endSession])
  // In an effect, not while rendering: a render React throws away must not leave its function behind.
  useLayoutEffect(() => {
    signOutRef.current = signOut
  }, [signOut])

  const start = useCallback(async () => {
    setState({ status: 'starting' })
    try {
      const { config, manager, signInError } = await bootstrap()
      configRef.current = config
      managerRef.current = manager
      if (!manager) return setState({ status: 'signed-out', error: signInError })
      setState({ status: 'signed-in', session: await loadSession(signOut) })
    } catch (error) {
      if (error instanceof PortalRequestError && error.isAuthError) {
        forgetSession()
        return endSession({ status: 'signed-out', notice: 'Your session has ended. Please sign in again.' })
      }
      setState({ status: 'failed', error: error instanceof Error ? error.message : String(error) })
    }
  }, [signOut, endSession])

  // Adopting the first screen, the start is done: bootstrap.ts ran in hydration.ts.
  const startsSignedIn = Boolean(hydrated)
  useEffect(() => {
    if (!startsSignedIn) void start()
  }, [start, startsSignedIn])

  // A refreshed token is saved so a reload keeps it; a dead session sends the user to sign in.
  useEffect(() => {
    let lastToken: string | undefined
    const stopSaving = onTokenUsed(() => {
      const manager = managerRef.current
      if (manager && manager.token !== lastToken) {
        lastToken = manager.token
        saveSession(manager)
      }
    })
    const stopWatching = onSessionExpired(() => {
      forgetSession()
      endSession({ status: 'signed-out', notice: 'Your session has ended. Please sign in again.' })
    })
    return () => {
      stopSaving()
      stopWatching()
    }
  }, [endSession])

  // A privilege refused that the session says the member has: their role changed since it was read. Read it
  // again, so the page offers only what they may do now (or says they no longer have access).
  // At most once per REREAD_SESSION_MS: a run of 100 refused members must not send 200 more requests.
  useEffect(() => {
    let lastRead = Number.NEGATIVE_INFINITY
    return onPrivilegeRefused(async () => {
      if (performance.now() - lastRead < REREAD_SESSION_MS) return
      lastRead = performance.now()
      try {
        const fresh = await loadSession(() => signOutRef.current())
        setState((current) =>
          // The same member still signed in (not someone who signed in since), with other rights than the page has.
          current.status === 'signed-in' &&
          current.session.username === fresh.username &&
          current.session.orgId === fresh.orgId &&
          !sameAccess(current.session, fresh)
            ? { status: 'signed-in', session: { ...fresh, accessChanged: true } }
            : current,
        )
      } catch {
        // The refused request has already said what failed; an ended session is handled above.
      }
    })
  }, [])

  // On its own page the console leaves for the portal; embedded, sign-in happens in a pop-up and comes back here.
  const signIn = useCallback(async () => {
    const config = configRef.current
    if (!config) return
    try {
      const manager = await beginSignIn(config)
      if (!manager) return
      managerRef.current = manager
      setActivePortal(config.portalUrl, manager)
      setState({ status: 'signed-in', session: await loadSession(signOut) })
    } catch (error) {
      setState({ status: 'signed-out', error: error instanceof Error ? error.message : String(error) })
    }
  }, [signOut])

  return { state, signIn, retry: start }
}
