import { useCallback, useState } from 'react'
import { type BulkRunSpec, type BulkRunState, useBulkRun } from '../hooks/use-bulk-run.ts'

/**
 * A dialog's share of the bulk runner (architecture.md convention 7): the
 * dialog closes only when every member was done; after a failure or a cancel
 * it stays open and says what happened, with a retry of the failed members.
 */
export function useDialogRun(onClose: () => void) {
  const run = useBulkRun()
  const [mine, setMine] = useState(false)
  const [finished, setFinished] = useState<BulkRunState | null>(null)

  const start = useCallback(
    async (spec: BulkRunSpec) => {
      setFinished(null)
      setMine(true)
      try {
        const final = await run.start(spec)
        if (!final.cancelled && !final.outcomes.some((o) => o.status === 'failed')) onClose()
        else setFinished(final)
      } finally {
        setMine(false)
      }
    },
    [run, onClose],
  )

  // Running until start() returns, list refresh included: the runner is already
  // 'finished' while the list refetches, and a confirm button enabled in that
  // gap would send the whole run a second time.
  const running = mine
  const failed = finished?.outcomes.filter((o) => o.status === 'failed') ?? []
  const blocked = !mine && run.state.phase === 'running'
  return {
    start,
    running,
    /** Another dialog's run (or a previous one) still in flight: do not start a second. */
    blocked,
    /** The dialog may start its run now (what its confirm button stands for, e.g. Enter in a field). */
    canStart: !running && !blocked && !finished,
    progress: run.state,
    finished,
    failed,
    cancel: run.cancel,
  }
}
