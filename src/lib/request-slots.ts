/**
 * Runs at most `slots` tasks at a time; the others wait their turn, in order.
 * A waiting task whose signal aborts leaves the queue without running (a
 * closed dialog's lookups cost nothing). A finished task hands its slot
 * straight to the next one, so a task arriving meanwhile cannot take it too.
 */
export function createRequestSlots(slots: number) {
  let running = 0
  const waiting: (() => void)[] = []
  const release = () => {
    const next = waiting.shift()
    if (next) next()
    else running--
  }
  const turn = (signal?: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      const start = () => {
        signal?.removeEventListener('abort', leave)
        resolve()
      }
      const leave = () => {
        waiting.splice(waiting.indexOf(start), 1)
        reject(signal?.reason)
      }
      waiting.push(start)
      signal?.addEventListener('abort', leave, { once: true })
    })

  return async function run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    signal?.throwIfAborted()
    if (running < slots) running++
    else await turn(signal)
    try {
      return await task()
    } finally {
      release()
    }
  }
}
