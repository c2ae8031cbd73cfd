/**
 * The one row shape of the `npm run bench` table. A benchmark script writes
 * `figures: Figure[]` under its key in bench/results.json (next to its own
 * details), and bench/run.ts prints them; see bench/README.md.
 */
export interface Figure {
  /** What was measured, as the quality.md speed table words it. */
  figure: string
  /** Unit of median and p95: "ms", "s", "KB". */
  unit: string
  median: number | null
  p95: number | null
  /** The target in words, e.g. "p95 ≤ 200 ms, 0 errors"; "—" where quality.md sets none. */
  target: string
  /** The figure divided by its baseline measured in the same run, where there is one. */
  ratio?: number | null
  /** Whether the target is met; null when there is no target or it could not be judged. */
  pass: boolean | null
  /** Anything the table should say besides the numbers (errors, counts). */
  note?: string
}

/** The figures a benchmark wrote, if its entry holds a well-formed list. */
export function figuresOf(entry: unknown): Figure[] | undefined {
  const figures = (entry as { figures?: unknown })?.figures
  if (!Array.isArray(figures)) return undefined
  return figures.filter((f): f is Figure => typeof f?.figure === 'string')
}
