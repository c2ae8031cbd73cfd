import { readdir, readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import { pageinspect } from '@electric-sql/pglite/contrib/pageinspect'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import pg from 'pg'

/** Anything that runs parameterised SQL: the database, or one transaction of it. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres'
  /** Runs fn in one transaction: all of it commits or none of it does. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>
  close(): Promise<void>
}

export interface OpenOptions {
  /** PostgreSQL connection string; when absent, PGlite is used. */
  databaseUrl?: string
  /** PGlite data directory; when absent (and no databaseUrl), an in-memory database. */
  dataDir?: string
  /** PGlite: start from this image (pgliteImage) instead of an empty database. */
  image?: Blob
  poolSize?: number
}

export async function openDb(options: OpenOptions = {}): Promise<Db> {
  const db = options.databaseUrl
    ? openPostgres(options.databaseUrl, options.poolSize ?? 10)
    : await openPglite(options.dataDir, options.image)
  await migrate(db)
  return db
}

/**
 * A migrated, empty in-memory database as a tar image. Creating a PGlite
 * database runs initdb (3–5 s here); loading an image takes about 1 s, so
 * the test suite makes one image and starts every test file's database from it.
 */
export async function pgliteImage(): Promise<Blob> {
  const lite = await PGlite.create({ extensions: { pg_trgm } })
  await migrate(wrapPglite(lite))
  const image = await lite.dumpDataDir('none')
  await lite.close()
  return image
}

async function openPglite(dataDir?: string, image?: Blob): Promise<Db> {
  // pageinspect: for the warm-up after a start (warm-up.ts).
  return wrapPglite(await PGlite.create({ dataDir, loadDataDir: image, extensions: { pg_trgm, pageinspect } }))
}

function wrapPglite(lite: PGlite): Db {
  return {
    kind: 'pglite',
    async query<T>(sql: string, params: unknown[] = []) {
      return (await lite.query<T>(sql, params)).rows
    },
    // PGlite has one connection, so its transactions already run one at a time.
    transaction: (fn) =>
      lite.transaction((tx) => fn({ query: async <T>(sql: string, params: unknown[] = []) => (await tx.query<T>(sql, params)).rows })),
    close: () => lite.close(),
  }
}

// int8 (counts, epoch milliseconds) fits a JS number for every value we store.
pg.types.setTypeParser(20, (value) => Number(value))

function openPostgres(url: string, max: number): Db {
  const pool = new pg.Pool({ connectionString: url, max })
  // An idle connection the server ends (a PostgreSQL restart, a forced drop)
  // emits 'error' on the pool; unhandled, that would crash the whole process.
  // The pool discards the connection and opens a new one on the next query.
  pool.on('error', (error) => console.warn(`PostgreSQL closed an idle connection: ${error.message}`))
  return {
    kind: 'postgres',
    async query<T>(sql: string, params: unknown[] = []) {
      return (await pool.query(sql, params)).rows as T[]
    },
    async transaction(fn) {
      const client = await pool.connect()
      try {
        await client.query('begin')
        const result = await fn({ query: async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[] })
        await client.query('commit')
        return result
      } catch (error) {
        await client.query('rollback').catch(() => {})
        throw error
      } finally {
        client.release()
      }
    },
    close: () => pool.end(),
  }
}

const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url))

/** Applies every numbered migration not yet applied, each in its own transaction. */
async function migrate(db: Db): Promise<void> {
  // An advisory lock keeps two server processes starting together from both migrating.
  await db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock(7301)')
    await tx.query('create table if not exists schema_migrations (version integer primary key, applied bigint not null)')
    const done = new Set((await tx.query<{ version: number }>('select version from schema_migrations')).map((r) => r.version))
    const files = (await readdir(migrationsDir)).filter((f) => /^\d+_.*\.sql$/.test(f)).sort()
    for (const file of files) {
      const version = Number.parseInt(file, 10)
      if (done.has(version)) continue
      const sql = await readFile(migrationsDir + file, 'utf8')
      await runScript(tx, sql)
      await tx.query('insert into schema_migrations (version, applied) values ($1, $2)', [version, Date.now()])
    }
  })
}

/**
 * Runs a multi-statement SQL file one statement at a time (both drivers accept
 * that). A statement ends with a `;` at the end of a line, unless the line is
 * inside a `$$` body (a function's).
 */
async function runScript(tx: Queryable, sql: string): Promise<void> {
  const statements: string[] = []
  let current: string[] = []
  let inBody = false
  for (const line of sql.split('\n')) {
    if (!inBody && line.trim().startsWith('--')) continue
    current.push(line)
    if ((line.match(/\$\$/g)?.length ?? 0) % 2 === 1) inBody = !inBody
    if (!inBody && /;\s*$/.test(line)) {
      statements.push(current.join('\n').trim().replace(/;$/, ''))
      current = []
    }
  }
  statements.push(current.join('\n').trim())
  for (const statement of statements.filter(Boolean)) await tx.query(statement)
}
