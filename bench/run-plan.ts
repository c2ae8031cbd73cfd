import type { Figure } from './run-figures.ts'

/** One benchmark `npm run bench` runs: a script under bench/ and the results.json key it writes. */
export interface Benchmark {
  /** Key of bench/results.json the script writes (bench/lib/results.ts writeResult). */
  key: string
  /** File under bench/; while it does not exist, its rows print "not measured yet". */
  script: string
  args?: string[]
  /** Environment changes; undefined removes a variable. */
  env?: Record<string, string | undefined>
  /** The quality.md rows it measures, [figure, target], shown until the script exists. */
  expects: [figure: string, target: string][]
  /** Turns the script's entry into rows, for scripts that do not write `figures` themselves. */
  figures?: (entry: any) => Figure[]
}

/** bench/server-search.ts writes its own shape; these are its rows. */
function serverSearchFigures(entry: any): Figure[] {
  const { http, sql, ratioP95, meetsP95, meetsRatio } = entry.overall ?? {}
  return [
    {
      figure: `org search over HTTP, ${Number(entry.members).toLocaleString('en-US')} members, ${entry.database}`,
      unit: 'ms',
      median: http?.p50 ?? null,
      p95: http?.p95 ?? null,
      target: `p95 ≤ ${entry.targetP95Ms} ms, ≤ ${entry.targetRatio}× SQL`,
      ratio: ratioP95 ?? null,
      pass: http ? Boolean(meetsP95 && meetsRatio) : null,
      note: sql ? `raw SQL p95 ${sql.p95} ms` : undefined,
    },
  ]
}

/**
 * Every row of the quality.md speed table, in its order. Adding a benchmark is
 * one line: its script and key (and `figures` only if it does not write them).
 * Budget on the 2-core machine: the whole run stays under ~10 minutes.
 */
export const BENCHMARKS: Benchmark[] = [
  // The search target is for PGlite: keep a DATABASE_URL meant for the load test away from it.
  { key: 'serverSearch', script: 'server-search.ts', args: ['--members', '100000', '--rounds', '20', '--warmup', '3'], env: { DATABASE_URL: undefined }, figures: serverSearchFigures, expects: [['org search over HTTP, 100k members', 'p95 ≤ 40 ms, ≤ 1.5× SQL']] },
  { key: 'browserColdLoad', script: 'browser-cold-load.ts', expects: [['cold load: navigation → first member rows', '≤ 2× bare HTML table']] },
  { key: 'browserKeystroke', script: 'browser-keystroke.ts', expects: [['last keystroke → rows updated, 100k members', 'p95 ≤ 250 ms']] },
  { key: 'browserNextPage', script: 'browser-next-page.ts', expects: [['next page (prefetched) → rows updated', 'p95 ≤ 50 ms']] },
  { key: 'bundle', script: 'bundle.ts', expects: [['initial JavaScript, gzip', '≤ 150 KB']] },
  { key: 'bulkRole', script: 'bulk-role.ts', expects: [['change role of 100 selected members', '≤ 2 s']] },
  { key: 'bulkDelete', script: 'bulk-delete.ts', expects: [['delete 100 members owning 20 items each, with reassign', '≤ 10 s, nothing lost']] },
  { key: 'load', script: 'load.ts', expects: [['50 concurrent admin clients, mixed, 30 s, PostgreSQL', '0 errors, p95 ≤ 200 ms']] },
]
