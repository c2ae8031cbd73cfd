import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** bench/results.json: one key per benchmark, so each run keeps the others' latest figures. */
export const RESULTS_FILE = fileURLToPath(new URL('../results.json', import.meta.url))

/** Sets `key` in the results file to `value`, keeping every other key, and stamps the run. */
export function writeResult(key: string, value: unknown, file = RESULTS_FILE): void {
  let results: Record<string, unknown> = {}
  if (existsSync(file)) {
    try {
      results = JSON.parse(readFileSync(file, 'utf8'))
    } catch {
      // A broken file (an interrupted write) is replaced rather than failing the run.
      results = {}
    }
  }
  results[key] = { measuredAt: new Date().toISOString(), ...environment(), ...(value as object) }
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`)
}

function environment() {
  return { node: process.version, platform: `${process.platform}-${process.arch}` }
}
