/**
 * npx tsx bench/load.ts [--members 100000] [--clients 50] [--seconds 30] [--warmup 5]
 *                          [--think 0-1000] [--databases postgres,pglite] [--race-admins 8] [--race-rounds 5]
 *
 * Concurrent administrators: seeds a fresh database, starts the portal server
 * (server/main.ts) as its own process on it, and runs `clients` simulated
 * administrators at once (searches, paging, members, role changes,
 * disable/enable; bench/load-client.ts) for `seconds`, on PostgreSQL and on
 * PGlite. On PostgreSQL it then runs two server processes on the same
 * database, sends each request to either, and races full administrators
 * against each other across both (the last-administrator rule).
 * PostgreSQL: PG_BENCH_URL (or DATABASE_URL) names a server on which a fresh
 * database is created and dropped; without one, a throwaway cluster is started.
 * Target (quality.md): 0 errors, p95 ≤ 200 ms on PostgreSQL. Writes `load` in
 * bench/results.json. Exits non-zero only when a measurement could not be taken.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { type AdminRaceResult, runAdminRace } from './load-admin-race.ts'
import { membersForClients, type SeededLoad, seedLoadDatabase, type Where } from './load-database.ts'
import { openBenchPostgres } from './load-postgres.ts'
import { type DatabaseRun, loadFigures, printRace, printRuns, TARGET_P95_MS } from './load-report.ts'
import { runLoad } from './load-run.ts'
import { startServerProcess } from './load-servers.ts'
import { writeResult } from './lib/results.ts'

const { values } = parseArgs({
  options: {
    members: { type: 'string', default: '100000' },
    clients: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '5' },
    think: { type: 'string', default: '0-1000' },
    databases: { type: 'string', default: 'postgres,pglite' },
    'race-admins': { type: 'string', default: '8' },
    'race-rounds': { type: 'string', default: '5' },
    seed: { type: 'string', default: '1' },
  },
})
const members = Number(values.members)
const clients = Number(values.clients)
const [thinkMin, thinkMax] = values.think!.split('-').map(Number) as [number, number]
const databases = values.databases!.split(',').map((d) => d.trim().toLowerCase())
const common = {
  clients,
  seconds: Number(values.seconds),
  warmupSeconds: Number(values.warmup),
  think: [thinkMin, thinkMax ?? thinkMin] as [number, number],
  seed: Number(values.seed),
}

const loadAverageBefore = Math.round(loadavg()[0]! * 10) / 10
if (loadAverageBefore > cpus().length)
  console.warn(`Warning: load average ${loadAverageBefore} on ${cpus().length} cores: other work is running, latencies will be inflated.`)
const runs: DatabaseRun[] = []
const failures: string[] = []
let race: AdminRaceResult | undefined
const seedSeconds: Record<string, number> = {}
const log = (message: string) => console.log(`[load ${new Date().toISOString().slice(11, 19)}] ${message}`)

/** Seeds `where`, then runs the load against `processes` server processes per entry of `layouts`. */
async function measureOn(database: string, where: Where, layouts: number[], afterTwoProcesses?: (servers: string[]) => Promise<void>) {
  log(`${database}: seeding ${members.toLocaleString('en-US')} members and ${clients} administrators…`)
  const seeded: SeededLoad = await seedLoadDatabase(where, members, clients)
  seedSeconds[database] = Math.round(seeded.seedMs / 100) / 10
  log(`${database}: seeded in ${seedSeconds[database]} s`)
  for (const processes of layouts) {
    // Read before the servers start: a PGlite directory must have one process at a time.
    const own = await membersForClients(where, seeded.orgId, clients)
    const servers = await Promise.all(Array.from({ length: processes }, () => startServerProcess(where)))
    try {
      log(`${database}: ${processes} server process(es) (pid ${servers.map((s) => s.pid).join(', ')}); ${common.warmupSeconds} s warm-up, ${common.seconds} s measured…`)
      const result = await runLoad({ ...common, servers: servers.map((s) => s.restUrl), own, sampleUsernames: seeded.sampleUsernames })
      runs.push({ database, ...result })
      log(`${database}, ${processes} process(es): ${result.requests} requests, ${result.errors} errors, p95 ${result.latency.p95} ms`)
      if (processes > 1 && afterTwoProcesses) await afterTwoProcesses(servers.map((s) => s.restUrl))
    } finally {
      await Promise.all(servers.map((s) => s.stop()))
    }
  }
}

if (databases.includes('postgres')) {
  try {
    const postgres = await openBenchPostgres(process.env.PG_BENCH_URL || process.env.DATABASE_URL || undefined)
    try {
      log(`PostgreSQL: ${postgres.label}`)
      await measureOn('PostgreSQL', { databaseUrl: postgres.url }, [1, 2], async (servers) => {
        log('PostgreSQL: last-administrator race across both processes…')
        race = await runAdminRace(postgres.url, servers, { admins: Number(values['race-admins']), rounds: Number(values['race-rounds']), seed: common.seed })
        if (!race.holds) failures.push('The last-administrator rule did not hold across two processes (see above).')
      })
    } finally {
      await postgres.close()
    }
  } catch (error) {
    failures.push(`PostgreSQL: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  }
}

if (databases.includes('pglite')) {
  const dataDir = await mkdtemp(join(tmpdir(), 'members-load-pglite-'))
  try {
    await measureOn('PGlite', { dataDir }, [1])
  } catch (error) {
    failures.push(`PGlite: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  } finally {
    await rm(dataDir, { recursive: true, force: true })
  }
}

console.log(`\n${clients} concurrent administrators, ${members.toLocaleString('en-US')} members, think time ${thinkMin}-${thinkMax} ms, ${common.seconds} s measured after ${common.warmupSeconds} s warm-up`)
if (runs.length) printRuns(runs)
if (race) printRace(race)
for (const failure of failures) console.error(`\nCould not measure: ${failure}`)

writeResult('load', {
  members,
  clients,
  seconds: common.seconds,
  warmupSeconds: common.warmupSeconds,
  thinkMs: common.think,
  targetP95Ms: TARGET_P95_MS,
  machine: { cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), loadAverageBefore, loadAverageAfter: Math.round(loadavg()[0]! * 10) / 10 },
  seedSeconds,
  runs,
  adminRace: race ?? null,
  figures: loadFigures(runs, race, clients),
  ...(failures.length ? { failures } : {}),
})
if (failures.length) process.exitCode = 1
