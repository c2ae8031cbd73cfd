/**
 * npm run bench:server -- [--members 100000] [--rounds 30] [--warmup 5] [--fresh]
 *
 * Org member search at scale: seeds the demo organization into a fresh
 * temporary PGlite directory (or DATABASE_URL), serves it on 127.0.0.1, and
 * times a mixed set of searches over HTTP next to the same SQL (from
 * buildUserSearch, the statement the route runs) sent straight to the database.
 * Target (quality.md): HTTP p95 ≤ 40 ms on PGlite, ≤ 1.5× the direct SQL.
 * Exits non-zero only when a measurement could not be taken.
 */
import { parseArgs } from 'node:util'
import { queryUserSearch } from '../server/search/run-user-search.ts'
import { buildUserSearch, type UserSearchInput } from '../server/search/user-search.ts'
import { measure } from './lib/measure.ts'
import { type BenchDatabase, openSeededDatabase, startBenchServer, tokenFor } from './lib/seeded-server.ts'
import { round2, roundSummary, summarize } from './lib/stats.ts'
import { printTable } from './lib/table.ts'
import { writeResult } from './lib/results.ts'
import { searchCases } from './lib/search-cases.ts'

const TARGET_P95_MS = 40
const TARGET_RATIO = 1.5

const { values } = parseArgs({
  options: {
    members: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '5' },
    fresh: { type: 'boolean', default: false },
  },
})
const rounds = Number(values.rounds)
const warmup = Number(values.warmup)

console.log(`Seeding ${Number(values.members).toLocaleString('en-US')} members…`)
const bench: BenchDatabase = await openSeededDatabase({ members: Number(values.members), fresh: values.fresh })
console.log(`Seeded in ${(bench.seedMs / 1000).toFixed(1)} s on ${bench.label}.`)
const server = await startBenchServer(bench.db)
const token = await tokenFor(bench.db, bench.adminId)

interface CaseResult { name: string; hits: number; http: number[]; sql: number[]; errors: string[] }
const results: CaseResult[] = []
try {
  for (const search of searchCases(Date.now())) {
    const result: CaseResult = { name: search.name, hits: -1, http: [], sql: [], errors: [] }
    results.push(result)
    const attempt = async (side: string, run: () => Promise<void>) => {
      try {
        await run()
      } catch (error) {
        result.errors.push(`${side}: ${error instanceof Error ? error.message : String(error)}`)
      }
    }
    await attempt('HTTP', async () => {
      const url = `${server.restUrl}/portals/self/users/search?${new URLSearchParams({ ...stringify(search.input), f: 'json', token })}`
      const get = async () => {
        const body = await (await fetch(url)).json()
        if (body.error) throw new Error(`answered ${JSON.stringify(body.error)}`)
        return body
      }
      result.hits = (await get()).total
      result.http = await measure(get, { warmup, rounds })
    })
    await attempt('SQL', async () => {
      const statement = buildUserSearch(bench.orgId, { ...search.input, audience: { kind: 'admin' } }, { wordIndex: true })
      // The statements runUserSearch sends (queryUserSearch): the count, then the page chosen for that many hits.
      result.sql = await measure(() => queryUserSearch(bench.db, statement), { warmup, rounds })
    })
  }
} finally {
  await server.close()
  await bench.close()
}

report(results)

function report(cases: CaseResult[]) {
  const stat = (samples: number[]) => (samples.length ? summarize(samples) : undefined)
  const rows = cases.map((c) => {
    const http = stat(c.http)
    const sql = stat(c.sql)
    const ratio = http && sql ? http.p95 / sql.p95 : Number.NaN
    return [c.name, c.hits >= 0 ? String(c.hits) : '—', http?.p50 ?? Number.NaN, http?.p95 ?? Number.NaN, sql?.p50 ?? Number.NaN, sql?.p95 ?? Number.NaN, ratio]
  })
  const allHttp = stat(cases.flatMap((c) => c.http))
  const allSql = stat(cases.flatMap((c) => c.sql))
  const ratio = allHttp && allSql ? allHttp.p95 / allSql.p95 : Number.NaN
  rows.push(['ALL (pooled)', '', allHttp?.p50 ?? Number.NaN, allHttp?.p95 ?? Number.NaN, allSql?.p50 ?? Number.NaN, allSql?.p95 ?? Number.NaN, ratio])
  console.log(`\nOrg search, ${bench.members.toLocaleString('en-US')} members, ${bench.label}: ${rounds} rounds after ${warmup} warm-up (ms)`)
  printTable(['query', 'hits', 'HTTP p50', 'HTTP p95', 'SQL p50', 'SQL p95', 'p95 ratio'], rows)
  const meetsP95 = allHttp !== undefined && allHttp.p95 <= TARGET_P95_MS
  const meetsRatio = ratio <= TARGET_RATIO
  if (allHttp) console.log(`\nOverall HTTP p95 ${allHttp.p95.toFixed(1)} ms: ${meetsP95 ? 'meets' : 'MISSES'} the ${TARGET_P95_MS} ms target.`)
  if (allHttp && allSql) console.log(`HTTP/SQL p95 ratio ${ratio.toFixed(2)}×: ${meetsRatio ? 'meets' : 'MISSES'} the ${TARGET_RATIO}× target.`)
  writeResult('serverSearch', {
    database: bench.label,
    members: bench.members,
    seedSeconds: round2(bench.seedMs / 1000),
    rounds,
    warmup,
    targetP95Ms: TARGET_P95_MS,
    targetRatio: TARGET_RATIO,
    overall: {
      http: allHttp && roundSummary(allHttp),
      sql: allSql && roundSummary(allSql),
      ratioP95: Number.isFinite(ratio) ? round2(ratio) : null,
      meetsP95,
      meetsRatio,
    },
    queries: cases.map((c) => ({
      name: c.name,
      hits: c.hits,
      http: c.http.length ? roundSummary(summarize(c.http)) : null,
      sql: c.sql.length ? roundSummary(summarize(c.sql)) : null,
      ...(c.errors.length ? { errors: c.errors } : {}),
    })),
  })
  const failed = cases.filter((c) => c.errors.length > 0)
  for (const c of failed) console.error(`Could not measure "${c.name}": ${c.errors.join('; ')}`)
  if (failed.length > 0) process.exitCode = 1
}

function stringify(input: UserSearchInput): Record<string, string> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]))
}
