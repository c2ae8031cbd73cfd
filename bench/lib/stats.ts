/** Summary statistics of timing samples, in milliseconds. */
export interface Summary {
  n: number
  p50: number
  p95: number
  mean: number
  min: number
  max: number
}

/** The p-th percentile (0–100) by nearest rank: a value that was actually measured. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!
}

export function summarize(samples: readonly number[]): Summary {
  return {
    n: samples.length,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    mean: samples.reduce((a, b) => a + b, 0) / samples.length,
    min: Math.min(...samples),
    max: Math.max(...samples),
  }
}

/** Rounds for JSON and tables: 0.01 ms is finer than anything these benchmarks resolve. */
export const round2 = (value: number) => Math.round(value * 100) / 100

export const roundSummary = (s: Summary): Summary => ({
  n: s.n, p50: round2(s.p50), p95: round2(s.p95), mean: round2(s.mean), min: round2(s.min), max: round2(s.max),
})
