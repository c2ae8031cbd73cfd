import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import pg from 'pg'
import { inject } from 'vitest'
import { createApp } from '../../server/app.ts'
import { issueToken } from '../../server/auth/tokens.ts'
import { type Db, openDb } from '../../server/db/connection.ts'
import type { ServerConfig } from '../../server/http/context.ts'
import { createTestOrganization, type TestOrganization } from './fixture.ts'

let image: Promise<Blob> | undefined

/** The image global-setup.ts made, read once per test file. */
function migratedImage(): Promise<Blob> | undefined {
  const file = inject('pgliteImage')
  if (!file) return undefined
  image ??= readFile(file).then((bytes) => new Blob([bytes]))
  return image
}

/**
 * A fresh database: in-memory PGlite (from the suite's migrated image), or — when TEST_DATABASE_URL is set — a
 * new PostgreSQL database created for this test file and dropped after it.
 */
export async function freshDb(): Promise<{ db: Db; drop: () => Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL
  if (!adminUrl) {
    const db = await openDb({ image: await migratedImage() })
    return { db, drop: () => db.close() }
  }
  const name = `members_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  const db = await openDb({ databaseUrl: url.toString() })
  return {
    db,
    drop: async () => {
      await db.close()
      const again = new pg.Client({ connectionString: adminUrl })
      await again.connect()
      await again.query(`drop database if exists ${name} with (force)`)
      await again.end()
    },
  }
}

export interface TestServer {
  baseUrl: string
  /** The REST base: `${baseUrl}/sharing/rest`. */
  restUrl: string
  db: Db
  org: TestOrganization
  /** An access token for a fixture member, issued without the password round trip. */
  tokenFor(username: string): Promise<string>
  /** GET (params in the query) or POST (form body) with f=json; returns the parsed JSON. */
  call(path: string, params?: Record<string, string | number | boolean>, options?: { method?: 'GET' | 'POST'; token?: string }): Promise<any>
  close(): Promise<void>
}

/**
 * The database with each of its `query` calls handed to `intercept`, which
 * runs it with `run` (or changes it, or does something before or after).
 * Queries on the handle `transaction` passes to its callback are not seen.
 */
export function interceptQueries(
  db: Db,
  intercept: (sql: string, params: unknown[] | undefined, run: (sql: string, params?: unknown[]) => Promise<unknown[]>) => Promise<unknown[]>,
): Db {
  return { ...db, query: (sql, params) => intercept(sql, params, (ranSql, ranParams) => db.query(ranSql, ranParams)) as never }
}

/**
 * A server on a fresh database holding the test organization. `wrapDb` puts
 * something between the server and its database (interceptQueries: to land
 * another change at an exact point of a request); `db` on the result stays the
 * database itself.
 */
export async function startTestServer(config: Partial<ServerConfig> = {}, options: { wrapDb?: (db: Db) => Db } = {}): Promise<TestServer> {
  const { db, drop } = await freshDb()
  const org = await createTestOrganization(db)
  const app = createApp(options.wrapDb ? options.wrapDb(db) : db, config)
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  const { port } = server.address() as AddressInfo
  const baseUrl = `http://127.0.0.1:${port}`
  const restUrl = `${baseUrl}/sharing/rest`

  return {
    baseUrl,
    restUrl,
    db,
    org,
    async tokenFor(username) {
      const id = org.ids[username]
      if (!id) throw new Error(`no fixture member ${username}`)
      return (await issueToken(db, { userId: id, kind: 'access', minutes: 60 })).token
    },
    async call(path, params = {}, options = {}) {
      const method = options.method ?? 'GET'
      const all = new URLSearchParams({ f: 'json' })
      for (const [k, v] of Object.entries(params)) all.set(k, String(v))
      if (options.token) all.set('token', options.token)
      const url = `${restUrl}/${path.replace(/^\//, '')}`
      const response =
        method === 'GET'
          ? await fetch(`${url}?${all}`)
          : await fetch(url, { method, body: all, headers: { 'content-type': 'application/x-www-form-urlencoded' } })
      return response.json()
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await drop()
    },
  }
}
