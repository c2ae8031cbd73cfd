/**
 * `npm test`: type check, lint, unit tests, server tests (PGlite, and again on
 * PostgreSQL when PG_TEST_URL is set), browser tests. Every step runs even if
 * an earlier one failed; the last line is the plain summary `N passed, N failed`
 * (type check and lint count as one check each).
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { stripVTControlCharacters } from 'node:util'

interface Tally {
  name: string
  passed: number
  failed: number
  skipped: number
  /** Passed on Playwright's retry (playwright.config.ts): counted as passed, and named below. */
  flaky?: number
  ok: boolean
}

/** A failed or flaky test, for the list before the summary. */
interface Problem {
  step: string
  test: string
  error: string
  flaky?: boolean
}

const scratch = mkdtempSync(join(tmpdir(), 'members-test-'))
const tallies: Tally[] = []
const problems: Problem[] = []

/** Runs a step; false when it failed (its output is above). */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  return result.status === 0
}

/** A failed step that named no test (it crashed, or failed before or after its tests) still gets a line. */
function noteUnexplainedFailure(step: string, ok: boolean, haveReport: boolean) {
  if (ok || problems.some((problem) => problem.step === step)) return
  problems.push({ step, test: '(the whole run)', error: haveReport ? 'It failed outside any test: see its output above.' : 'It wrote no report (it crashed or could not start): see its output above.' })
}

/** A check with one verdict (type check, lint): its output is kept, to repeat the start of it if it fails. */
function check(name: string, command: string, args: string[]) {
  console.log(`\n▶ ${name}`)
  const result = spawnSync(command, args, { encoding: 'utf8', env: process.env })
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`
  process.stdout.write(output)
  const ok = result.status === 0
  if (!ok) problems.push({ step: name, test: `${command} ${args.join(' ')}`, error: output || `exit code ${result.status}` })
  tallies.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, ok })
}

function vitest(name: string, project: string, env: NodeJS.ProcessEnv = {}, extraArgs: string[] = []) {
  console.log(`\n▶ ${name}`)
  const report = join(scratch, `${name.replace(/\W+/g, '-')}.json`)
  const args = ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extraArgs]
  const ok = run('npx', args, env)
  const json = readJson(report)
  for (const file of json?.testResults ?? []) {
    const failures = (file.assertionResults ?? []).filter((test: any) => test.status === 'failed')
    for (const test of failures) problems.push({ step: name, test: `${relative(file.name)} › ${test.fullName}`, error: test.failureMessages?.[0] ?? '' })
    // A file that failed to load, or whose hooks failed, says so in its message.
    if (file.message) problems.push({ step: name, test: relative(file.name), error: file.message })
  }
  noteUnexplainedFailure(name, ok, Boolean(json))
  const passed = json?.numPassedTests ?? 0
  const failed = json?.numFailedTests ?? 0
  // A crashed run (no report, or failed suites) counts as a failure even with no failed test.
  tallies.push({ name, passed, failed: failed || (ok ? 0 : 1), skipped: (json?.numPendingTests ?? 0) + (json?.numTodoTests ?? 0), ok })
}

function playwright(name: string) {
  console.log(`\n▶ ${name}`)
  const report = join(scratch, 'playwright.json')
  const ok = run('npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: report })
  const json = readJson(report)
  for (const { spec, test } of playwrightTests(json?.suites ?? [])) {
    if (test.status !== 'unexpected' && test.status !== 'flaky') continue
    const failedRun = test.results.find((result: any) => result.error)
    problems.push({
      step: name,
      test: `[${test.projectName}] e2e/${spec.file}:${spec.line} › ${spec.title}`,
      error: failedRun?.error?.message ?? failedRun?.status ?? '',
      flaky: test.status === 'flaky',
    })
  }
  // Errors outside any test: a web server that did not start, a spec that did not load.
  for (const error of json?.errors ?? []) problems.push({ step: name, test: '(outside any test)', error: error.message ?? String(error) })
  noteUnexplainedFailure(name, ok, Boolean(json))
  const stats = json?.stats
  const passed = (stats?.expected ?? 0) + (stats?.flaky ?? 0)
  const failed = stats?.unexpected ?? 0
  tallies.push({ name, passed, failed: failed || (ok ? 0 : 1), skipped: stats?.skipped ?? 0, flaky: stats?.flaky ?? 0, ok })
}

/** Every spec's tests in a Playwright JSON report (suites nest by file and describe). */
function* playwrightTests(suites: any[]): Generator<{ spec: any; test: any }> {
  for (const suite of suites) {
    for (const spec of suite.specs ?? []) for (const test of spec.tests ?? []) yield { spec, test }
    yield* playwrightTests(suite.suites ?? [])
  }
}

const relative = (file: string) => file.replace(`${process.cwd()}/`, '')

/** The start of an error, without terminal colours: enough to say what broke. */
function errorStart(error: string): string {
  // Frames inside node_modules (the test runner's own) say nothing about what broke.
  const lines = stripVTControlCharacters(error)
    .split('\n')
    .filter((line) => line.trim() && !line.includes('node_modules'))
  return lines.slice(0, 8).map((line) => `      ${line.slice(0, 200)}`).join('\n')
}

function readJson(file: string): any {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return undefined
  }
}

check('type check', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit'])
check('lint', 'npx', ['biome', 'check', '.'])
vitest('unit tests', 'unit')
vitest('server tests (PGlite)', 'server')
// kill-reassign kills server processes on a PGlite data directory whatever the database
// setting (a killed PostgreSQL client is rolled back by PostgreSQL itself): it ran above.
if (process.env.PG_TEST_URL)
  vitest('server tests (PostgreSQL)', 'server', { TEST_DATABASE_URL: process.env.PG_TEST_URL }, ['--exclude', 'test/server/kill-reassign.test.ts'])
playwright('browser tests')
rmSync(scratch, { recursive: true, force: true })

if (problems.length) {
  console.log('\nFailed and flaky tests')
  for (const problem of problems) console.log(`  ${problem.flaky ? 'FLAKY' : 'FAIL '} ${problem.step}: ${problem.test}\n${errorStart(problem.error)}`)
}
console.log('\nSummary')
for (const t of tallies)
  console.log(
    `  ${t.ok ? 'ok  ' : 'FAIL'} ${t.name}: ${t.passed} passed${t.flaky ? ` (${t.flaky} flaky)` : ''}, ${t.failed} failed${t.skipped ? `, ${t.skipped} skipped` : ''}`,
  )
const passed = tallies.reduce((n, t) => n + t.passed, 0)
const failed = tallies.reduce((n, t) => n + t.failed, 0)
const skipped = tallies.reduce((n, t) => n + t.skipped, 0)
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(failed > 0 || tallies.some((t) => !t.ok) ? 1 : 0)
