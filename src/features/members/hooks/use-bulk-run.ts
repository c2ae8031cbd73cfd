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
  /** Why skipped or failed, in words a person can act on; for a done member, what else was done (where content went). */
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
 * progress and a point to cancel), at most `concurrency` calls at once. A
 * whole-call failure fails its chunk.
 */
export function inChunks(
  usernames: readonly string[],
  call: (chunk: string[]) => Promise<readonly BulkCallResult[]>,
  size = 25,
  concurrency = 1,
): (context: RunContext) => Promise<void> {
  return (context) =>
    boundedPool(
      chunksOf(usernames, size),
      concurrency,
      async (chunk) => {
        try {
          reportChunk(context, chunk, await call(chunk))
        } catch (error) {
          const reason = reasonOf(error)
          context.report(chunk.map((username) => ({ username, status: 'failed', reason })))
        }
      },
      context,
      (chunk) => context.report(chunk.map((username) => ({ username, status: 'skipped', reason: CANCELLED_REASON }))),
    )
}

const chunksOf = (usernames: readonly string[], size: number): string[][] =>
  Array.from({ length: Math.ceil(usernames.length / size) }, (_, i) => usernames.slice(i * size, (i + 1) * size))

function reportChunk(
  context: RunContext,
  chunk: readonly string[],
  results: readonly BulkCallResult[],
  /** What else was done for a member, said next to them in the results. */
  doneNote: (username: string) => string | undefined = () => undefined,
): void {
  const byName = new Map(results.map((r) => [r.username.toLowerCase(), r]))
  context.report(
    chunk.map((username): MemberOutcome => {
      const result = byName.get(username.toLowerCase())
      if (result?.status === 'success') return { username, status: 'done', reason: doneNote(username) }
      return { username, status: 'failed', reason: result?.error?.message || 'The portal did not report this member.' }
    }),
  )
}

/**
 * Whether the portal has an extension bulk call: unknown until one answers.
 * Kept for the page's life (one per call), so only the first run against a
 * portal without it pays one refused request.
 */
export interface BulkSupport {
  available?: boolean
}

/**
 * A bulk call the portal may lack (an extension of ours): chunks of `size`
 * through `bulk` while it works; if the very first answer is a whole-call
 * failure, every member not yet sent goes through `single`, `concurrency` at
 * a time. The portal is remembered as lacking the call only when it says it
 * has no such operation; after another failure (a refused role, a portal
 * that could not be reached) the next run tries the bulk call again. Once
 * the bulk call has worked, the rest go as
 * inChunks sends them (`bulk.concurrency` calls at once, so one call's answer
 * is handled while the portal works on the next), and a whole-call failure
 * fails its chunk only; an ended session never falls back.
 */
export function bulkOrEach(
  usernames: readonly string[],
  bulk: { call: (chunk: string[]) => Promise<readonly BulkCallResult[]>; size: number; support: BulkSupport; concurrency?: number },
  single: (username: string) => Promise<unknown>,
  concurrency: number,
): (context: RunContext) => Promise<void> {
  return async (context) => {
    let sent = 0
    let oneByOne = bulk.support.available === false
    // Until the portal has answered one, a call at a time: the first answer decides.
    while (sent < usernames.length && bulk.support.available === undefined && !context.cancelled) {
      const chunk = usernames.slice(sent, sent + bulk.size)
      try {
        const results = await bulk.call(chunk)
        bulk.support.available = true
        reportChunk(context, chunk, results)
      } catch (error) {
        if (!(error instanceof PortalRequestError && error.isAuthError)) {
          if (error instanceof PortalRequestError && error.isNoSuchOperation) bulk.support.available = false
          oneByOne = true
          break
        }
        const reason = reasonOf(error)
        context.report(chunk.map((username) => ({ username, status: 'failed', reason })))
      }
      sent += chunk.length
    }
    const rest = usernames.slice(sent)
    if (context.cancelled) context.report(rest.map((username) => ({ username, status: 'skipped', reason: CANCELLED_REASON })))
    else if (oneByOne) await eachMember(rest, single, concurrency)(context)
    else if (rest.length) await inChunks(rest, bulk.call, bulk.size, bulk.concurrency ?? 1)(context)
  }
}

export const NOT_MOVED_PREFIX = 'Content could not be moved, so the member was not deleted: '

/**
 * Delete with reassign as one pipeline: members who own something have it
 * moved (`move`, all of one member's at once), `concurrency` at a time, and
 * each joins the queue of members to delete once their content moved; members
 * owning nothing are queued from the start. The queue goes to `remove` (the
 * portal's bulk delete) `size` at a time as it fills, so deleting overlaps
 * moving and progress counts members as they are deleted. A member whose move
 * failed is never deleted. After a cancel, moves not begun are skipped and
 * so are queued members who owned nothing; members whose content already moved
 * are still deleted, since their step had begun.
 */
export function moveThenDelete(options: {
  toMove: readonly string[]
  plain: readonly string[]
  move: (username: string) => Promise<unknown>
  remove: (chunk: string[]) => Promise<readonly BulkCallResult[]>
  concurrency: number
  size: number
  /** Said next to each deleted member whose content was moved first (where it went). */
  movedNote?: string
}): (context: RunContext) => Promise<void> {
  return async (context) => {
    const queue = options.plain.map((username) => ({ username, moved: false }))
    let movesDone = false
    let wake: (() => void) | null = null
    const signal = () => {
      wake?.()
      wake = null
    }
    const moving = boundedPool(
      options.toMove,
      options.concurrency,
      async (username) => {
        try {
          await options.move(username)
          queue.push({ username, moved: true })
        } catch (error) {
          context.report([{ username, status: 'failed', reason: NOT_MOVED_PREFIX + reasonOf(error) }])
        }
        signal()
      },
      context,
      (username) => context.report([{ username, status: 'skipped', reason: CANCELLED_REASON }]),
    ).finally(() => {
      movesDone = true
      signal()
    })
    const deleting = (async () => {
      for (;;) {
        if (queue.length < options.size && !movesDone) {
          await new Promise<void>((resolve) => {
            wake = resolve
          })
          continue
        }
        if (queue.length === 0) return
        const batch = queue.splice(0, options.size)
        const held = context.cancelled ? batch.filter((m) => !m.moved).map((m) => m.username) : []
        if (held.length) context.report(held.map((username) => ({ username, status: 'skipped', reason: CANCELLED_REASON })))
        const send = batch.map((m) => m.username).filter((u) => !held.includes(u))
        if (!send.length) continue
        try {
          const moved = new Set(batch.filter((m) => m.moved).map((m) => m.username))
          reportChunk(context, send, await options.remove(send), (username) => (moved.has(username) ? options.movedNote : undefined))
        } catch (error) {
          const reason = reasonOf(error)
          context.report(send.map((username) => ({ username, status: 'failed', reason })))
        }
      }
    })()
    await Promise.all([moving, deleting])
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
