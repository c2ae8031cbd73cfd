import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defineConfig } from '@playwright/test'
import { chromiumLaunchOptions } from './e2e/support/chromium.ts'
import { ACTIONS_PORT, ADMIN_PASSWORD, ADMIN_USERNAME, LIST_PORT, MEMBER_PASSWORD, SEED, SEED_MEMBERS, serverUrl } from './e2e/support/env.ts'

// One fresh directory per run (workers inherit it through the environment): databases and built consoles.
process.env.E2E_RUN_DIR ??= mkdtempSync(join(tmpdir(), 'members-e2e-'))
const runDir = process.env.E2E_RUN_DIR

// Debian's chromium here (Playwright cannot download browsers on this machine); Playwright's own elsewhere.
const launchOptions = chromiumLaunchOptions()

// Built once into the run directory (so a test run never touches npm start's dist/). Playwright
// starts the web servers one after another, so the first builds and the second reuses the build.
const consoleDir = join(runDir, 'console')

/** The portal server serving the built console, on its own port and database. */
function portalServer(port: number, build: boolean) {
  const dir = join(runDir, String(port))
  // PGlite creates its data directory but not the parents.
  mkdirSync(dir, { recursive: true })
  const start = 'npx tsx server/main.ts'
  return {
    command: build ? `npx vite build --outDir ${consoleDir} --emptyOutDir --logLevel warn && ${start}` : start,
    url: `${serverUrl(port)}/config.json`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: join(dir, 'data'),
      CONSOLE_DIR: consoleDir,
      SEED_MEMBERS: String(SEED_MEMBERS),
      SEED: String(SEED),
      ADMIN_USERNAME,
      ADMIN_PASSWORD,
      SEED_PASSWORD: MEMBER_PASSWORD,
    },
  }
}

export default defineConfig({
  testDir: 'e2e',
  workers: 2,
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  timeout: 30_000,
  // Once more after a failure: a test that passes only then is reported as flaky, by name and with its
  // first error, in npm test's summary (scripts/test-all.ts), not hidden. Real browsers and a real
  // server on two shared cores have slow moments; a bug that fails every time still fails.
  retries: 1,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? 'line' : [['list']],
  outputDir: 'test-results',
  use: {
    browserName: 'chromium',
    launchOptions,
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
  },
  projects: [
    // Finding members reads a known organization; list.setup.ts adds its one odd member first.
    { name: 'list-setup', testMatch: /list\.setup\.ts/, use: { baseURL: serverUrl(LIST_PORT) } },
    {
      name: 'list',
      testMatch: [/list-.*\.spec\.ts/, /sign-in.*\.spec\.ts/],
      dependencies: ['list-setup'],
      use: { baseURL: serverUrl(LIST_PORT) },
    },
    // Acting on members changes them: its own server, so the list specs never see those changes.
    { name: 'actions', testMatch: [/actions-.*\.spec\.ts/, /selection-.*\.spec\.ts/], use: { baseURL: serverUrl(ACTIONS_PORT) } },
  ],
  webServer: [portalServer(LIST_PORT, true), portalServer(ACTIONS_PORT, false)],
})
