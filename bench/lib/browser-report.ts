import { cpus, loadavg } from 'node:os'
import type { Summary } from './stats.ts'
import { round2, roundSummary, summarize } from './stats.ts'

/** The machine as the browser benchmarks record it: busy cores make browser timings noisy. */
export function machine() {
  return { cores: cpus().length, loadAverage: round2(loadavg()[0]!) }
}

/** Warns when other work shares the cores: the figures are then read next to the load average. */
export function warnIfBusy(label: string) {
  const load = loadavg()[0]!
  if (load > cpus().length) console.warn(`${label}: load average ${load.toFixed(1)} on ${cpus().length} cores: other work shares the machine, figures are noisy.`)
}

export function stats(samples: number[]): Summary {
  return roundSummary(summarize(samples))
}

export const ms = (value: number) => `${value.toFixed(value < 100 ? 1 : 0)} ms`

export { round2 }
