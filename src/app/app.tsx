import { type QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { useLayoutEffect } from 'react'
import { endFirstScreen } from '../first-screen/show-first-screen.ts'
import { SessionProvider, VIEW_USERS } from '../lib/session.tsx'
import { AppErrorBoundary } from './error-boundary.tsx'
import type { HydrationStart } from './hydration.ts'
import { AppRouter } from './router.tsx'
import { NoAccessPage, SignInPage, StartingPage, StartupFailedPage } from './status-pages.tsx'
import { useAuth } from './use-auth.ts'

/**
 * `queryClient` is made by start-app.tsx, outside React: where React draws the page again instead of
 * adopting the first screen, it keeps its cache. `hydrated`: the app adopts the server's first screen
 * and starts signed in.
 */
export function App({ queryClient, hydrated }: { queryClient: QueryClient; hydrated?: HydrationStart }) {
  return (
    <AppErrorBoundary>
      <QueryClientProvider client={queryClient}>
        <AuthGate hydrated={hydrated} />
      </QueryClientProvider>
    </AppErrorBoundary>
  )
}

/** Nothing below this renders until we know who is signed in and that they may view members. */
function AuthGate({ hydrated }: { hydrated?: HydrationStart }) {
  const { state, signIn, retry } = useAuth(hydrated)
  const showsMembers = state.status === 'signed-in' && state.session.privileges.has(VIEW_USERS)
  // The Members page takes the server's first screen down itself, once it has rows to show.
  useLayoutEffect(() => {
    if (state.status !== 'starting' && !showsMembers) endFirstScreen()
  }, [state.status, showsMembers])
  switch (state.status) {
    case 'starting':
      return <StartingPage />
    case 'signed-out':
      return <SignInPage notice={state.notice} error={state.error} onSignIn={signIn} />
    case 'failed':
      return <StartupFailedPage error={state.error} onRetry={retry} />
    case 'signed-in':
      return (
        <SessionProvider session={state.session}>
          {showsMembers ? <AppRouter /> : <NoAccessPage />}
        </SessionProvider>
      )
  }
}
