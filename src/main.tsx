// First: asks the portal for the first screen (unless index.html's own copy already has).
import './first-screen/request-first-screen.ts'
import { firstScreenPainted } from './app/early-data.ts'
import { endFirstScreen } from './first-screen/show-first-screen.ts'
import './styles/tokens.css'
import './styles/base.css'

/**
 * The app (React and all the rest) is imported, not part of this module's
 * graph: a module runs only once its whole graph has arrived, and the early
 * requests would wait for it. It is fetched and evaluated once the first
 * screen is painted: fetched earlier, its ~420 KB and their evaluation held
 * up the first screen more than they gained (bench/README.md). A slow first
 * screen does not hold it back longer than this.
 */
const FIRST_SCREEN_WAIT_MS = 300

await Promise.race([firstScreenPainted, new Promise((resolve) => setTimeout(resolve, FIRST_SCREEN_WAIT_MS))])
try {
  await import('./app/start-app.tsx')
} catch (error) {
  // Not an inert page that looks loaded: say so.
  endFirstScreen()
  const root = document.getElementById('root')
  if (root) root.innerHTML = '<main class="status-page"><p class="status-card" role="alert">The console could not be loaded. Reload the page to try again.</p></main>'
  throw error
}
