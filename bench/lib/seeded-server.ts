import { mkdtemp, rm } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serve } from '@hono/node-server'
import { createApp } from '../../server/app.ts'
import { issueToken } from '../../server/auth/tokens.ts'
import { type Db, openDb } from '../../server/db/connection.ts'
import { ensureDemoOrganization } from '../../server/seed/demo.ts'
import { wipeDatabase } from '../../server/seed/wipe.ts'

export const BENCH_ADMIN = 'admin'

export interface BenchDatabase {
  db: Db
  /** What it runs on, for the results: "PGlite (temp dir)" or "PostgreSQL". */
  label: string
  orgId: string
  adminId: string
  members: number
  seedMs: number
  close(): Promise<void>
}

/**
 * A database holding a freshly seeded demo organization of `members` members:
 * PGlite in a new temporary directory (removed on close), or PostgreSQL at
 * DATABASE_URL, which must be empty unless `fresh` allows emptying it.
 */
export async function openSeededDatabase(options: { members: number; seed?: number; fresh?: boolean }): Promise<BenchDatabase> {
  const databaseUrl = process.env.DATABASE_URL || undefined
  const dataDir = databaseUrl ? undefined : await mkdtemp(join(tmpdir(), 'members-bench-'))
  const db = await openDb({ databaseUrl, dataDir })
  const cleanUp = async () => {
    await db.close()
    if (dataDir) await rm(dataDir, { recursive: true, force: true })
  }
  try {
    if (databaseUrl && options.fresh) await wipeDatabase(db)
    const started = performance.now()
    const seeded = await ensureDemoOrganization(db, {
      adminUsername: BENCH_ADMIN,
      adminPassword: 'bench-admin-password',
      members: options.members,
      seed: options.seed ?? 1,
      memberPassword: 'bench-member-password',
    })
    if (!seeded) throw new Error('DATABASE_URL already holds an organization: use an empty database, or pass --fresh to empty it.')
    const seedMs = performance.now() - started
    const [admin] = await db.query<{ id: string; org_id: string }>('select id, org_id from users where lower(username) = $1', [BENCH_ADMIN])
    return {
      db,
      label: databaseUrl ? 'PostgreSQL' : 'PGlite (temp dir)',
      orgId: admin!.org_id,
      adminId: admin!.id,
      members: options.members,
      seedMs,
      close: cleanUp,
    }
  } catch (error) {
    await cleanUp()
    throw error
  }
}

export interface BenchServer {
  /** The REST base, e.g. http://127.0.0.1:40123/sharing/rest */
  restUrl: string
  close(): Promise<void>
}

/** The portal server on a free loopback port. */
export async function startBenchServer(db: Db): Promise<BenchServer> {
  const server = serve({ fetch: createApp(db).fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  const { port } = server.address() as AddressInfo
  return {
    restUrl: `http://127.0.0.1:${port}/sharing/rest`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** An access token, issued directly: the password round trip is not what is measured. */
export async function tokenFor(db: Db, userId: string): Promise<string> {
  return (await issueToken(db, { userId, kind: 'access', minutes: 600 })).token
}
