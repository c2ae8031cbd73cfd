/**
 * npm run bench [-- --only load,serverSearch]
 *
 * Runs every benchmark of bench/run-plan.ts in turn, each in its own process
 * (its output streams through), then prints one table: figure, median, p95,
 * target, ratio to its baseline, and whether the target is met. Benchmarks not
 * written yet print "not measured yet". Writes `run` in bench/results.json;
 * each benchmark writes its own key. Exits non-zero only when a measurement
 * could not be taken (a script failed or wrote no fresh result), never because
 * a target was missed.
 */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { RESULTS_FILE, writeResult } from './lib/results.ts'
import { formatNumber, printTable } from './lib/table.ts'
import { type Figure, figuresOf } from './run-figures.ts'
import { BENCHMARKS, type Benchmark } from './run-plan.ts'

const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url))
const ROOT = fileURLToPath(new URL('..', import.meta.url))

const { values } = parseArgs({ options: { only: { type: 'string' } } })
const only = values.only?.split(',').map((k) => k.trim())
const plan = BENCHMARKS.filter((b) => !only || only.includes(b.key))

type Row = Figure & { status: 'measured' | 'not measured yet' | 'failed' }
const rows: Row[] = []
const failed: string[] = []
const runStarted = Date.now()
const loadBefore = loadavg()

for (const benchmark of plan) {
  if (!existsSync(BENCH_DIR + benchmark.script)) {
    rows.push(...benchmark.expects.map((expected) => placeholder(expected, 'not measured yet')))
    continue
  }
  console.log(`\n━━ ${benchmark.script} ${(benchmark.args ?? []).join(' ')}`)
  const started = Date.now()
  const exitCode = await runScript(benchmark)
  const entry = freshEntry(benchmark.key, started)
  const figures = entry === undefined ? undefined : readFigures(benchmark, entry)
  if (exitCode !== 0 || !figures?.length) {
    failed.push(`${benchmark.script}: ${exitCode !== 0 ? `exited with ${exitCode}` : `wrote no fresh "${benchmark.key}" figures`}`)
    if (!figures?.length) rows.push(...benchmark.expects.map((expected) => placeholder(expected, 'failed')))
  }
  if (figures) rows.push(...figures.map((f): Row => ({ ...f, status: 'measured' })))
  console.log(`━━ ${benchmark.script}: ${((Date.now() - started) / 1000).toFixed(0)} s`)
}

const minutes = (Date.now() - runStarted) / 60_000
console.log(`\nBenchmarks: ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, load average before ${loadBefore[0]!.toFixed(1)}; ${minutes.toFixed(1)} min\n`)
printTable(
  ['figure', 'median', 'p95', 'target', 'ratio', 'result', 'note'],
  rows.map((r) => [
    r.figure,
    withUnit(r.median, r.unit),
    withUnit(r.p95, r.unit),
    r.target,
    r.ratio == null ? '' : `${formatNumber(r.ratio)}×`,
    r.status !== 'measured' ? r.status : r.pass === null ? '—' : r.pass ? 'pass' : 'MISS',
    r.note ?? '',
  ]),
)
writeResult('run', { minutes: Math.round(minutes * 10) / 10, cores: cpus().length, loadAverageBefore: loadBefore[0], figures: rows })
for (const failure of failed) console.error(`Could not measure: ${failure}`)
process.exitCode = failed.length > 0 ? 1 : 0

function runScript(benchmark: Benchmark): Promise<number> {
  const env = { ...process.env }
  for (const [name, value] of Object.entries(benchmark.env ?? {})) {
    if (value === undefined) delete env[name]
    else env[name] = value
  }
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', BENCH_DIR + benchmark.script, ...(benchmark.args ?? [])], { cwd: ROOT, env, stdio: 'inherit' })
    child.once('error', () => resolve(-1))
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)))
  })
}

/** The benchmark's entry in results.json, if it was written during this run. */
function freshEntry(key: string, since: number): unknown {
  try {
    const entry = JSON.parse(readFileSync(RESULTS_FILE, 'utf8'))[key]
    return entry && Date.parse(entry.measuredAt) >= since - 1000 ? entry : undefined
  } catch {
    return undefined
  }
}

function readFigures(benchmark: Benchmark, entry: unknown): Figure[] | undefined {
  try {
    return benchmark.figures ? benchmark.figures(entry) : figuresOf(entry)
  } catch (error) {
    console.error(`${benchmark.key}: could not read its figures: ${error instanceof Error ? error.message : String(error)}`)
    return undefined
  }
}

function placeholder([figure, target]: [string, string], status: Row['status']): Row {
  return { figure, unit: '', median: null, p95: null, target, pass: null, status }
}

function withUnit(value: number | null, unit: string): string {
  return value === null || !Number.isFinite(value) ? '' : `${formatNumber(value)}${unit ? ` ${unit}` : ''}`
}
