// First: asks the portal for the first screen (unless index.html's inline copy already has).
import './first-screen/request-first-screen.ts'
import { firstScreenPainted } from './app/early-data.ts'
import './styles/tokens.css'
import './styles/base.css'

/**
 * The app is imported, not part of this module's graph: a module runs only
 * once its whole graph has arrived, and the early requests would wait for
 * React and the rest. index.html preloads it, so it arrives meanwhile; it is
 * evaluated once the first screen is painted, as its evaluation holds the
 * main thread for ~160 ms, but a slow first screen does not hold it back
 * longer than this.
 */
const FIRST_SCREEN_WAIT_MS = 300

await Promise.race([firstScreenPainted, new Promise((resolve) => setTimeout(resolve, FIRST_SCREEN_WAIT_MS))])
await import('./app/start-app.tsx')
