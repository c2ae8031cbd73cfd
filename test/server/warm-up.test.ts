import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { type Db, openDb } from '../../server/db/connection.ts'
import { warmUpSearchPages } from '../../server/db/warm-up.ts'
import { runUserSearch } from '../../server/search/run-user-search.ts'
import { ensureDemoOrganization } from '../../server/seed/demo.ts'
import { interceptQueries } from './harness.ts'

/**
 * The warm-up after a start (server/db/warm-up.ts): a PGlite database opened
 * from its files has no page in memory, so its first searches read from files;
 * once warmed, a search reads none. Read counts come from PostgreSQL's own
 * statistics (pg_statio_*: blocks read from files, not found in the buffers).
 */

let dir: string
let orgId: string
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'members-warm-up-'))
  const db = await openDb({ dataDir: dir })
  await ensureDemoOrganization(db, { adminUsername: 'admin', members: 400, seed: 3, memberPassword: 'members-demo-1' })
  ;[{ id: orgId }] = await db.query<{ id: string }>('select id from orgs')
  await db.close()
}, 120_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const WARMED = ['users', 'users_search_words', 'users_search_trgm', 'users_full_name_trgm', 'users_org_full_name_sort']

/** Starts the read counts from zero, once what was read before is counted (statistics are flushed lazily). */
async function resetReadCounts(db: Db) {
  await db.query('select pg_stat_force_next_flush()')
  await db.query('select pg_stat_reset()')
}

/**
 * Blocks of the users table and of the WARMED indexes read from files since
 * the counts were reset. (The planner also reads each other index's first
 * page once per start; those are not search pages.)
 */
async function searchBlocksReadFromFiles(db: Db): Promise<number> {
  await db.query('select pg_stat_force_next_flush()')
  await db.query('select 1')
  const [{ blocks }] = await db.query<{ blocks: number }>(
    `select (select coalesce(sum(heap_blks_read), 0) from pg_statio_user_tables where relname = any($1))
          + (select coalesce(sum(idx_blks_read), 0) from pg_statio_user_indexes where indexrelname = any($1)) as blocks`,
    [WARMED],
  )
  return Number(blocks)
}

/** A page of a typed search and a page of a word prefix, as the console sends them. */
async function search(db: Db) {
  await runUserSearch(db, orgId, undefined, { q: 'smith OR fullname:smith*', num: 25, sortField: 'fullname', sortOrder: 'asc' })
  await runUserSearch(db, orgId, undefined, { q: 'm*', num: 25 })
}

async function reopened<T>(use: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDb({ dataDir: dir })
  try {
    return await use(db)
  } finally {
    await db.close()
  }
}

test('a just-opened database reads its search pages from files (the case the warm-up is for)', async () => {
  const read = await reopened(async (db) => {
    await resetReadCounts(db)
    await search(db)
    return searchBlocksReadFromFiles(db)
  })
  expect(read).toBeGreaterThan(0)
})

test('after the warm-up, the same searches read no page from files', async () => {
  const { report, read } = await reopened(async (db) => {
    const report = await warmUpSearchPages(db)
    await resetReadCounts(db)
    await search(db)
    return { report, read: await searchBlocksReadFromFiles(db) }
  })
  expect(read).toBe(0)
  expect(report!.relations.slice(0, 2).map((r) => `${r.name} ${r.fork}`)).toEqual(['users vm', 'users main'])
  expect(report!.relations.map((r) => r.name)).toEqual(expect.arrayContaining(WARMED))
  expect(report!.blocks).toBe(report!.relations.reduce((sum, r) => sum + r.blocks, 0))
})

test('a warm-up stopped before it starts reads nothing and reports nothing', async () => {
  const stop = new AbortController()
  stop.abort()
  expect(await reopened((db) => warmUpSearchPages(db, stop.signal))).toBeNull()
})

test('a warm-up stopped while it reads ends before its next step and reports nothing', async () => {
  const stop = new AbortController()
  const { result, steps } = await reopened(async (db) => {
    let steps = 0
    const stoppingDb = interceptQueries(db, async (sql, params, run) => {
      const rows = await run(sql, params)
      if (sql.includes('get_raw_page') && ++steps === 3) stop.abort()
      return rows
    })
    // One page a step, so the stop falls inside a relation (the table has more than three pages).
    return { result: await warmUpSearchPages(stoppingDb, stop.signal, { chunkBlocks: 1 }), steps }
  })
  expect(result).toBeNull()
  expect(steps).toBe(3)
})

test('the warm-up reads no more pages than its share of shared_buffers', async () => {
  const report = await reopened(async (db) => {
    // What the warm-up asks for its budget, answered as if shared_buffers held 40 pages (budget 30).
    const shrunk = interceptQueries(db, (sql, params, run) =>
      run(sql.includes('as budget') ? sql.replace("pg_size_bytes(current_setting('shared_buffers'))", '(40 * 8192)') : sql, params),
    )
    return warmUpSearchPages(shrunk)
  })
  expect(report!.blocks).toBe(30)
  expect(report!.relations.reduce((sum, r) => sum + r.blocks, 0)).toBe(30)
})

test('on PostgreSQL it does nothing (PostgreSQL keeps its cache across our restarts)', async () => {
  const untouchable = {
    kind: 'postgres',
    query: () => {
      throw new Error('the warm-up queried PostgreSQL')
    },
  } as unknown as Db
  expect(await warmUpSearchPages(untouchable)).toBeNull()
})

// Last: it rewrites the shared database's table.
test('a table whose visibility map is empty (never vacuumed, or rewritten) is still warmed', async () => {
  const { report, read } = await reopened(async (db) => {
    // VACUUM FULL rewrites the table without a visibility map: the first relation the warm-up meets has no page.
    await db.query('vacuum full users')
    const [{ vmBlocks }] = await db.query<{ vmBlocks: number }>(`select pg_relation_size('users', 'vm')::int as "vmBlocks"`)
    expect(vmBlocks).toBe(0)
    const report = await warmUpSearchPages(db)
    await resetReadCounts(db)
    await search(db)
    return { report, read: await searchBlocksReadFromFiles(db) }
  })
  expect(report!.relations.map((r) => `${r.name} ${r.fork}`)).not.toContain('users vm')
  expect(report!.relations.map((r) => r.name)).toEqual(expect.arrayContaining(WARMED))
  expect(read).toBe(0)
})
