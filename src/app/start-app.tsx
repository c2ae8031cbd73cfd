import { StrictMode } from 'react'
import { createRoot, hydrateRoot } from 'react-dom/client'
import { adoptFirstScreen } from '../first-screen/show-first-screen.ts'
import { createQueryClient } from '../lib/query-client.ts'
import { App } from './app.tsx'
import { prepareHydration } from './hydration.ts'

// The server's first screen, when there is one to adopt, becomes the page without being drawn again
// (hydration.ts); otherwise the app draws its own in #root and the first screen goes once it has.
const hydrated = await prepareHydration()
const queryClient = createQueryClient()
const firstScreen = hydrated && adoptFirstScreen()
if (hydrated && firstScreen) {
  hydrateRoot(
    firstScreen,
    <StrictMode>
      <App queryClient={queryClient} hydrated={hydrated} />
    </StrictMode>,
    {
      // Where the app's page differs from the server's (a minute boundary in a date filter), React
      // draws it again itself: slower, not wrong.
      // The component stack says where (production builds name no element in the error itself).
      onRecoverableError: (error, { componentStack }) =>
        console.warn('The console drew the page again instead of adopting the first screen:', error, componentStack),
    },
  )
} else {
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <App queryClient={queryClient} />
    </StrictMode>,
  )
}
