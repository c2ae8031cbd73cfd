import type { AdminRaceResult } from './load-admin-race.ts'
import type { LoadRunResult } from './load-run.ts'
import { printTable } from './lib/table.ts'
import type { Figure } from './run-figures.ts'

export const TARGET_P95_MS = 200

export interface DatabaseRun extends LoadRunResult {
  /** "PostgreSQL" or "PGlite"; the target applies to PostgreSQL. */
  database: string
}

const runName = (run: DatabaseRun) => `${run.database}${run.processes > 1 ? `, ${run.processes} processes` : ''}`
const meets = (run: DatabaseRun) => run.errors === 0 && run.latency.p95 <= TARGET_P95_MS

export function printRuns(runs: DatabaseRun[]): void {
  printTable(
    ['run', 'requests', 'errors', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', `0 errors, p95 ≤ ${TARGET_P95_MS}`],
    runs.map((r) => [
      runName(r), String(r.requests), String(r.errors), r.requestsPerSecond, r.latency.p50, r.latency.p95, r.latency.p99, r.latency.max,
      r.database.startsWith('PostgreSQL') ? (meets(r) ? 'meets' : 'MISSES') : meets(r) ? '(meets)' : '(misses; no target)',
    ]),
  )
  const kinds = [...new Set(runs.flatMap((r) => Object.keys(r.byKind)))].sort()
  console.log('\np95 (ms) and count by kind of request')
  printTable(
    ['request', ...runs.map(runName)],
    kinds.map((kind) => [kind, ...runs.map((r) => (r.byKind[kind] ? `${r.byKind[kind]!.p95.toFixed(0)} (${r.byKind[kind]!.n})` : '—'))]),
  )
  for (const r of runs)
    for (const [message, count] of Object.entries(r.errorSamples)) console.log(`  ${runName(r)} error ×${count}: ${message}`)
  for (const r of runs.filter((run) => run.processes > 1))
    console.log(`\n${runName(r)}: ${r.crossProcessRequests} of ${r.requests} requests used a token issued by the other process.`)
}

export function printRace(race: AdminRaceResult): void {
  const outcomes = Object.entries(race.outcomes).map(([k, n]) => `${k} ×${n}`).join(', ')
  const unexpected = Object.entries(race.unexpected).map(([k, n]) => `${k} ×${n}`).join(', ') || 'none'
  console.log(
    `\nLast-administrator race across 2 processes: ${race.admins} full administrators demote/disable each other, ` +
      `${race.requestsPerRound} requests at once, ${race.rounds} rounds (${race.crossProcessRequests} requests crossed processes).`,
  )
  console.log(`  outcomes: ${outcomes}; unexpected: ${unexpected}`)
  console.log(`  enabled full administrators left per round: ${race.remainingPerRound.join(', ')} → rule ${race.holds ? 'HOLDS' : 'BROKEN'}`)
}

/** The rows `npm run bench` prints for the load test. */
export function loadFigures(runs: DatabaseRun[], race: AdminRaceResult | undefined, clients: number): Figure[] {
  const figures: Figure[] = runs.map((r) => ({
    figure: `${clients} admin clients, mixed, ${runName(r)}`,
    unit: 'ms',
    median: r.latency.p50,
    p95: r.latency.p95,
    target: r.database.startsWith('PostgreSQL') ? `0 errors, p95 ≤ ${TARGET_P95_MS} ms` : '—',
    pass: r.database.startsWith('PostgreSQL') ? meets(r) : null,
    note: `${r.errors} errors, ${r.requestsPerSecond.toFixed(0)} req/s`,
  }))
  if (race)
    figures.push({
      figure: 'last-admin race across 2 processes',
      unit: '',
      median: null,
      p95: null,
      target: '≥ 1 enabled full admin',
      pass: race.holds,
      note: `left per round: ${race.remainingPerRound.join(',')}`,
    })
  return figures
}
