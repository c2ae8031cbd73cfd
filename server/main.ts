import { mkdirSync } from 'node:fs'
import { register } from 'node:module'
import { resolve } from 'node:path'
import { serve } from '@hono/node-server'
import { createApp } from './app.ts'
import { consoleRedirectUris, registerConsoleRedirectUris } from './console.ts'
import { openDb } from './db/connection.ts'
import { repairSeatCounts } from './db/seat-counts.ts'
import { warmUpSearchPages } from './db/warm-up.ts'
import { loadFirstScreenRenderer } from './routes/console/first-screen.ts'
import { ensureDemoOrganization } from './seed/demo.ts'

/** Reads the environment, opens the database, seeds a first start, and listens. */
/** A whole, non-negative number from the environment; a typo stops the start with a clear message. */
function envCount(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isSafeInteger(value) || value < 0) {
    console.error(`${name} must be a whole number of 0 or more; got "${raw}".`)
    process.exit(1)
  }
  return value
}

const port = envCount('PORT', 3000)
const host = process.env.HOST ?? '127.0.0.1'
const databaseUrl = process.env.DATABASE_URL || undefined
const dataDir = resolve(process.env.DATA_DIR ?? '.data')
// PGlite creates its own directory but not missing parents (DATA_DIR=var/members/db).
if (!databaseUrl) mkdirSync(dataDir, { recursive: true })

const db = await openDb({ databaseUrl, dataDir: databaseUrl ? undefined : dataDir })
const firstStart = await ensureDemoOrganization(db, {
  adminUsername: process.env.ADMIN_USERNAME ?? 'admin',
  adminPassword: process.env.ADMIN_PASSWORD,
  members: envCount('SEED_MEMBERS', 2000),
  seed: envCount('SEED', 1),
  memberPassword: process.env.SEED_PASSWORD ?? 'members-demo-1',
})
try {
  for (const type of await repairSeatCounts(db))
    console.warn(`Seats of user type ${type.id} (organization ${type.orgId}) corrected from ${type.kept} to ${type.counted}: members were changed without the database's triggers.`)
} catch (error) {
  // The server still works; seat limits and totals read the counts as they are.
  console.warn(`Seat counts were not checked: ${error instanceof Error ? error.message : String(error)}`)
}

await registerConsoleRedirectUris(db, consoleRedirectUris(port, process.env.PUBLIC_URL))

const app = createApp(db, {
  consoleDir: resolve(process.env.CONSOLE_DIR ?? 'dist'),
  frameAncestors: process.env.FRAME_ANCESTORS ?? "'self'",
  trustProxy: process.env.TRUST_PROXY === 'true',
})

// The first screen is drawn by the console's components, which import their stylesheets, with React's
// production build (the development one, React's default, renders it about twice as slowly).
register('./ignore-css.mjs', import.meta.url)
process.env.NODE_ENV ??= 'production'
// Loaded now, in the background, so the first sign-in does not wait for it.
loadFirstScreenRenderer().catch((error) => console.error('The first screen cannot be rendered:', error))

const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
  const url = `http://${host === '127.0.0.1' ? 'localhost' : host}:${info.port}`
  console.log(`Members console: ${url}`)
  console.log(`Database: ${databaseUrl ? 'PostgreSQL' : `PGlite in ${dataDir}`}`)
  if (firstStart) console.log(firstStart)
})

// In the background, in small steps: requests are served meanwhile.
const warmUp = new AbortController()
warmUpSearchPages(db, warmUp.signal)
  .then((report) => report && console.log(`Search pages read into memory: ${Math.round(report.bytes / 2 ** 20)} MB in ${(report.ms / 1000).toFixed(1)} s`))
  .catch((error) => warmUp.signal.aborted || console.warn(`Search pages were not read into memory: ${error.message}`))

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    warmUp.abort()
    server.close()
    db.close().finally(() => process.exit(0))
  })
}
