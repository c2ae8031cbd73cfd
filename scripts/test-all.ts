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

interface Tally {
  name: string
  passed: number
  failed: number
  skipped: number
  ok: boolean
}

const scratch = mkdtempSync(join(tmpdir(), 'members-test-'))
const tallies: Tally[] = []

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  return result.status === 0
}

function check(name: string, command: string, args: string[]) {
  console.log(`\n▶ ${name}`)
  const ok = run(command, args)
  tallies.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, ok })
}

function vitest(name: string, project: string, env: NodeJS.ProcessEnv = {}, extraArgs: string[] = []) {
  console.log(`\n▶ ${name}`)
  const report = join(scratch, `${name.replace(/\W+/g, '-')}.json`)
  const args = ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extraArgs]
  const ok = run('npx', args, env)
  const json = readJson(report)
  const passed = json?.numPassedTests ?? 0
  const failed = json?.numFailedTests ?? 0
  // A crashed run (no report, or failed suites) counts as a failure even with no failed test.
  tallies.push({ name, passed, failed: failed || (ok ? 0 : 1), skipped: (json?.numPendingTests ?? 0) + (json?.numTodoTests ?? 0), ok })
}

function playwright(name: string) {
  console.log(`\n▶ ${name}`)
  const report = join(scratch, 'playwright.json')
  const ok = run('npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: report })
  const stats = readJson(report)?.stats
  const passed = (stats?.expected ?? 0) + (stats?.flaky ?? 0)
  const failed = stats?.unexpected ?? 0
  tallies.push({ name, passed, failed: failed || (ok ? 0 : 1), skipped: stats?.skipped ?? 0, ok })
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

console.log('\nSummary')
for (const t of tallies)
  console.log(`  ${t.ok ? 'ok  ' : 'FAIL'} ${t.name}: ${t.passed} passed, ${t.failed} failed${t.skipped ? `, ${t.skipped} skipped` : ''}`)
const passed = tallies.reduce((n, t) => n + t.passed, 0)
const failed = tallies.reduce((n, t) => n + t.failed, 0)
const skipped = tallies.reduce((n, t) => n + t.skipped, 0)
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(failed > 0 || tallies.some((t) => !t.ok) ? 1 : 0)
