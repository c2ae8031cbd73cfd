import type { Db } from './connection.ts'

/**
 * Reads the pages member searches use into PGlite's shared buffers, once, after
 * the server starts. A just-opened PGlite database has none of them: the first
 * search of each term reads its index and table pages from files (100,000
 * members: `smith` 236–262 ms the first time, 36 ms after; `okafor` 95–99 → 17–18),
 * so the first searches after a restart were several times slower than every
 * later one (bench/README.md, "Keystroke"). PGlite has no `pg_prewarm`;
 * pageinspect's `get_raw_page` reads a page through the buffer manager, which
 * keeps it. PostgreSQL is left alone: it keeps its cache across our restarts
 * (and has pg_prewarm where an operator wants one).
 *
 * What is read, in this order, until the budget is spent: the users table
 * (its visibility map too: index-only scans read it, such as the counts by
 * user type), its GIN indexes (words and trigrams: every typed search), then the default
 * sort's index. The budget is part of shared_buffers, so the warm-up never
 * evicts what it read itself. Reads go CHUNK_BLOCKS pages a statement: PGlite
 * answers one statement at a time, and a chunk also holds Node's event loop
 * while PGlite reads it, so each query that arrives meanwhile may wait for one
 * chunk (~3 ms, at most ~30 from a cold disk), not for the whole warm-up
 * (0.5–1.5 s at 100,000 members).
 */

const CHUNK_BLOCKS = 128
/** Of shared_buffers, the part the warm-up may fill. */
const BUDGET_SHARE = 0.75
const DEFAULT_SORT_INDEX = 'users_org_full_name_sort'

export interface WarmUpReport {
  /** Relations read, in order, with the pages read of each (all of them, or up to the budget). */
  relations: { name: string; fork: string; blocks: number }[]
  blocks: number
  bytes: number
  ms: number
}

/**
 * Reads the search pages into shared buffers (PGlite only; null on PostgreSQL, or when `signal` stops it
 * first). `chunkBlocks`: pages a statement (tests use small ones to see a stop between two).
 */
export async function warmUpSearchPages(db: Db, signal?: AbortSignal, { chunkBlocks = CHUNK_BLOCKS } = {}): Promise<WarmUpReport | null> {
  if (db.kind !== 'pglite' || signal?.aborted) return null
  const started = performance.now()
  await db.query('create extension if not exists pageinspect')
  const [{ budget, blockSize }] = await db.query<{ budget: number; blockSize: number }>(
    `select floor($1::float8 * pg_size_bytes(current_setting('shared_buffers')) / current_setting('block_size')::int)::int as budget,
            current_setting('block_size')::int as "blockSize"`,
    [BUDGET_SHARE],
  )
  const relations = await db.query<{ name: string; fork: string; blocks: number }>(
    `select c.relname as name, fork, (pg_relation_size(c.oid, fork) / current_setting('block_size')::int)::int as blocks
       from pg_class c
       left join pg_index i on i.indexrelid = c.oid
       left join pg_am am on am.oid = c.relam
      cross join lateral (values ('main'), ('vm')) as forks (fork)
      where (c.oid = 'users'::regclass or (i.indrelid = 'users'::regclass and (am.amname = 'gin' or c.relname = $1)))
        and (fork = 'main' or c.oid = 'users'::regclass)
      order by case when c.oid = 'users'::regclass then 0 when am.amname = 'gin' then 1 else 2 end, fork desc, c.relname`,
    [DEFAULT_SORT_INDEX],
  )
  const report: WarmUpReport = { relations: [], blocks: 0, bytes: 0, ms: 0 }
  for (const relation of relations) {
    if (report.blocks >= budget) break
    // An empty relation is skipped, not an end: the visibility map, read first, has no page until the table is vacuumed.
    if (relation.blocks === 0) continue
    const blocks = Math.min(relation.blocks, budget - report.blocks)
    for (let from = 0; from < blocks; from += chunkBlocks) {
      if (signal?.aborted) return null
      const to = Math.min(from + chunkBlocks, blocks) - 1
      await db.query('select count(get_raw_page($1, $2, block)) from generate_series($3::int, $4::int) as block', [relation.name, relation.fork, from, to])
    }
    report.relations.push({ name: relation.name, fork: relation.fork, blocks })
    report.blocks += blocks
  }
  report.bytes = report.blocks * blockSize
  report.ms = performance.now() - started
  return report
}
