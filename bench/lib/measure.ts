export interface MeasureOptions {
  /** Untimed runs first, so caches, JIT and the planner settle. */
  warmup: number
  rounds: number
}

/** Times `run` `rounds` times after `warmup` untimed runs; returns milliseconds per run. */
export async function measure(run: () => Promise<unknown>, options: MeasureOptions): Promise<number[]> {
  for (let i = 0; i < options.warmup; i++) await run()
  const samples: number[] = []
  for (let i = 0; i < options.rounds; i++) {
    const started = performance.now()
    await run()
    samples.push(performance.now() - started)
  }
  return samples
}

/** Milliseconds since `started` (a performance.now() value), for one-off phases. */
export const elapsed = (started: number) => performance.now() - started
