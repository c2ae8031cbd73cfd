import { resolve } from 'node:path'
import { serve } from '@hono/node-server'
import { createApp } from './app.ts'
import { consoleRedirectUris, registerConsoleRedirectUris } from './console.ts'
import { openDb } from './db/connection.ts'
import { ensureDemoOrganization } from './seed/demo.ts'

/** Reads the environment, opens the database, seeds a first start, and listens. */
const port = Number(process.env.PORT ?? 3000)
const host = process.env.HOST ?? '127.0.0.1'
const databaseUrl = process.env.DATABASE_URL || undefined
const dataDir = resolve(process.env.DATA_DIR ?? '.data')

const db = await openDb({ databaseUrl, dataDir: databaseUrl ? undefined : dataDir })
const firstStart = await ensureDemoOrganization(db, {
  adminUsername: process.env.ADMIN_USERNAME ?? 'admin',
  adminPassword: process.env.ADMIN_PASSWORD,
  members: Number(process.env.SEED_MEMBERS ?? 2000),
  seed: Number(process.env.SEED ?? 1),
  memberPassword: process.env.SEED_PASSWORD ?? 'members-demo-1',
})

await registerConsoleRedirectUris(db, consoleRedirectUris(port, process.env.PUBLIC_URL))

const app = createApp(db, {
  consoleDir: resolve(process.env.CONSOLE_DIR ?? 'dist'),
  frameAncestors: process.env.FRAME_ANCESTORS ?? "'self'",
  trustProxy: process.env.TRUST_PROXY === 'true',
})

const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
  const url = `http://${host === '127.0.0.1' ? 'localhost' : host}:${info.port}`
  console.log(`Members console: ${url}`)
  console.log(`Database: ${databaseUrl ? 'PostgreSQL' : `PGlite in ${dataDir}`}`)
  if (firstStart) console.log(firstStart)
})

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close()
    db.close().finally(() => process.exit(0))
  })
}
