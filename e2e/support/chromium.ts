import { existsSync } from 'node:fs'
import type { LaunchOptions } from '@playwright/test'

const SYSTEM_CHROMIUM = '/usr/bin/chromium'

/**
 * Debian's chromium where it is installed (Playwright cannot download its own
 * browser on this machine), Playwright's own elsewhere. One definition for the
 * end-to-end tests (playwright.config.ts) and the browser benchmarks.
 */
export function chromiumLaunchOptions(): LaunchOptions {
  if (!existsSync(SYSTEM_CHROMIUM)) return {}
  return {
    executablePath: SYSTEM_CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  }
}
