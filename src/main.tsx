// First: asks for the first screen (or the first portal reads) before the app's script is even evaluated.
import { firstScreenSettled } from './app/early-data.ts'
import './styles/tokens.css'
import './styles/base.css'

/**
 * The app (React and everything else, fetched meanwhile: index.html preloads
 * it) is evaluated once the first screen is painted: its evaluation holds the
 * main thread for ~160 ms, which would otherwise stand between the first
 * screen's answer and the screen. Not longer than this, though: a slow first
 * screen must not hold the app back.
 */
const FIRST_SCREEN_WAIT_MS = 400

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const shown = await Promise.race([firstScreenSettled, delay(FIRST_SCREEN_WAIT_MS).then(() => false)])
// One frame for the paint (a hidden tab has no frames: then a timer decides).
if (shown) await Promise.race([new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))), delay(100)])
await import('./app/start-app.tsx')
