import { useQueryClient } from '@tanstack/react-query'
import { createContext, createElement, type ReactNode, useCallback, useContext, useMemo, useRef, useState } from 'react'
import { PortalRequestError, toPortalError } from '../../../lib/portal-client.ts'
import { memberQueries } from '../api/member-queries.ts'

/**
 * Bulk work is a run (architecture.md convention 6): one runner takes the
 * members and a way to act on them — the portal's bulk call in chunks, or a
 * bounded pool of single calls — reports progress, stops between members when
 * cancelled, and yields each member's outcome. Done members leave the
 * selection; failed and skipped ones stay, so a retry is one click.
 */

export type OutcomeStatus = 'done' | 'skipped' | 'failed'
export interface MemberOutcome {
  username: string
  status: OutcomeStatus
  /** Why skipped or failed, in words a person can act on. */
  reason?: string
}

export interface RunContext {
  /** True once the user cancelled: start nothing new. */
  readonly cancelled: boolean
  report(outcomes: readonly MemberOutcome[]): void
}

export interface BulkRunSpec {
  /** What the run does, e.g. "Disable members": names the progress bar and the results. */
  title: string
  /** Members that will be attempted (progress counts these). */
  usernames: readonly string[]
  /** Members left out before sending, with why. */
  skipped?: readonly MemberOutcome[]
  execute(context: RunContext): Promise<void>
  /** Done members no longer exist (delete): their own queries are not refetched, which would only fail. */
  removesMembers?: boolean
}

export interface BulkRunState {
  phase: 'idle' | 'running' | 'finished'
  title: string
  total: number
  completed: number
  outcomes: MemberOutcome[]
  cancelled: boolean
}

export interface BulkRun {
  state: BulkRunState
  /** Runs the spec to the end (or cancel) and resolves with the final state. */
  start(spec: BulkRunSpec): Promise<BulkRunState>
  cancel(): void
  /** Forgets the last run's results. */
  dismiss(): void
}

export const CANCELLED_REASON = 'Not sent: the run was cancelled.'
const IDLE: BulkRunState = { phase: 'idle', title: '', total: 0, completed: 0, outcomes: [], cancelled: false }

/** A failure's reason: the portal's own message (written for people), or a plain fallback. */
export function reasonOf(error: unknown): string {
  const portalError = error instanceof PortalRequestError ? error : toPortalError(error)
  return portalError.message || 'The portal refused the change.'
}

/**
 * Runs `work` for each item, at most `concurrency` at once. Once cancelled,
 * items not yet started go to `onCancelled` instead. Never loops a mutation
 * hook: these are plain calls, collected by the run.
 */
export async function boundedPool<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
  context: Pick<RunContext, 'cancelled'>,
  onCancelled: (item: T) => void,
): Promise<void> {
  const queue = [...items]
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
      if (context.cancelled) onCancelled(item)
      else await work(item)
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker))
}

/** One call per member where the portal has no bulk call, a few at a time. */
export function eachMember(
  usernames: readonly string[],
  step: (username: string) => Promise<unknown>,
  concurrency = 5,
): (context: RunContext) => Promise<void> {
  return (context) =>
    boundedPool(
      usernames,
      concurrency,
      async (username) => {
        try {
          await step(username)
          context.report([{ username, status: 'done' }])
        } catch (error) {
          context.report([{ username, status: 'failed', reason: reasonOf(error) }])
        }
      },
      context,
      (username) => context.report([{ username, status: 'skipped', reason: CANCELLED_REASON }]),
    )
}

/** A bulk call's per-member answer ({results:[{username,status,error?}]}). */
export interface BulkCallResult {
  username: string
  status: string
  error?: { message?: string }
}

/**
 * The portal's bulk call, `size` members per call (≤ 100; smaller chunks give
 * progress and a point to cancel). A whole-call failure fails its chunk.
 */
export function inChunks(
  usernames: readonly string[],
  call: (chunk: string[]) => Promise<readonly BulkCallResult[]>,
  size = 25,
): (context: RunContext) => Promise<void> {
  return async (context) => {
    for (let i = 0; i < usernames.length; i += size) {
      const chunk = usernames.slice(i, i + size)
      if (context.cancelled) {
        context.report(chunk.map((username) => ({ username, status: 'skipped', reason: CANCELLED_REASON })))
        continue
      }
      try {
        const results = await call(chunk)
        const byName = new Map(results.map((r) => [r.username.toLowerCase(), r]))
        context.report(
          chunk.map((username): MemberOutcome => {
            const result = byName.get(username.toLowerCase())
            if (result?.status === 'success') return { username, status: 'done' }
            return { username, status: 'failed', reason: result?.error?.message || 'The portal did not report this member.' }
          }),
        )
      } catch (error) {
        const reason = reasonOf(error)
        context.report(chunk.map((username) => ({ username, status: 'failed', reason })))
      }
    }
  }
}

const RunContextValue = createContext<BulkRun | null>(null)

export function BulkRunProvider({ children, onMembersDone }: { children?: ReactNode; onMembersDone(usernames: string[]): void }) {
  const queryClient = useQueryClient()
  const [state, setState] = useState<BulkRunState>(IDLE)
  const cancelRef = useRef<{ cancelled: boolean } | null>(null)

  const start = useCallback(
    async (spec: BulkRunSpec) => {
      const token = { cancelled: false }
      cancelRef.current = token
      const outcomes: MemberOutcome[] = [...(spec.skipped ?? [])]
      const attempted = new Set(spec.usernames.map((u) => u.toLowerCase()))
      let completed = 0
      const snapshot = (phase: BulkRunState['phase']): BulkRunState => ({
        phase,
        title: spec.title,
        total: attempted.size,
        completed,
        outcomes: [...outcomes],
        cancelled: token.cancelled,
      })
      setState(snapshot('running'))
      const context: RunContext = {
        get cancelled() {
          return token.cancelled
        },
        report(reported) {
          for (const outcome of reported) {
            if (!attempted.has(outcome.username.toLowerCase())) continue
            outcomes.push(outcome)
            completed += 1
          }
          setState(snapshot('running'))
        },
      }
      try {
        await spec.execute(context)
      } catch (error) {
        // A step that throws outside the helpers fails whoever it had not reported.
        const reported = new Set(outcomes.map((o) => o.username.toLowerCase()))
        const reason = reasonOf(error)
        context.report(spec.usernames.filter((u) => !reported.has(u.toLowerCase())).map((username) => ({ username, status: 'failed', reason })))
      }
      cancelRef.current = null
      const done = outcomes.filter((o) => o.status === 'done').map((o) => o.username)
      onMembersDone(done)
      const final = snapshot('finished')
      setState(final)
      const gone = new Set(spec.removesMembers ? done.map((u) => u.toLowerCase()) : [])
      // Refetch every member query (list, counts, licenses left); the list keeps its page and rows while it does.
      await queryClient.invalidateQueries({
        queryKey: memberQueries.all(),
        predicate: (query) => !gone.has(String(query.queryKey[2])),
      })
      return final
    },
    [onMembersDone, queryClient],
  )

  const cancel = useCallback(() => {
    if (cancelRef.current) {
      cancelRef.current.cancelled = true
      setState((current) => ({ ...current, cancelled: true }))
    }
  }, [])
  const dismiss = useCallback(() => setState(IDLE), [])

  const value = useMemo(() => ({ state, start, cancel, dismiss }), [state, start, cancel, dismiss])
  return createElement(RunContextValue.Provider, { value }, children)
}

export function useBulkRun(): BulkRun {
  const run = useContext(RunContextValue)
  if (!run) throw new Error('useBulkRun must be used inside MemberSelectionProvider')
  return run
}
