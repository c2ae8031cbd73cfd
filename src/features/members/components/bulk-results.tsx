import { type MemberOutcome, useBulkRun } from '../hooks/use-bulk-run.ts'

function OutcomeList({ title, outcomes, open }: { title: string; outcomes: MemberOutcome[]; open?: boolean }) {
  if (!outcomes.length) return null
  return (
    <details className="bulk-results__group" open={open}>
      <summary>
        {title} ({outcomes.length})
      </summary>
      <ul>
        {outcomes.map((outcome) => (
          <li key={outcome.username}>
            <strong>{outcome.username}</strong>
            {outcome.reason ? `: ${outcome.reason}` : ''}
          </li>
        ))}
      </ul>
    </details>
  )
}

/** The region "Results": what the last run did to each member — done, skipped and failed, with why. */
export function BulkResults() {
  const { state, dismiss } = useBulkRun()
  if (state.phase === 'idle') return null
  const by = (status: MemberOutcome['status']) => state.outcomes.filter((o) => o.status === status)
  const done = by('done')
  const skipped = by('skipped')
  const failed = by('failed')
  return (
    <section className="bulk-results" aria-label="Results">
      {/* Announced when a run starts and when it ends, not at every step (the dialog's progress bar has those). */}
      <p className="bulk-results__summary">
        <span role="status">
          {state.phase === 'running'
            ? `${state.title}: ${state.total} ${state.total === 1 ? 'member' : 'members'}…`
            : `${state.title}${state.cancelled ? ' (cancelled)' : ''}: ${done.length} done, ${skipped.length} skipped, ${failed.length} failed.`}
        </span>
        {state.phase === 'running' && <span aria-hidden="true"> {`${state.completed} of ${state.total} done`}</span>}
      </p>
      {state.phase === 'finished' && (
        <>
          <OutcomeList title="Failed" outcomes={failed} open />
          <OutcomeList title="Skipped" outcomes={skipped} open />
          <OutcomeList title="Done" outcomes={done} />
          {failed.length > 0 && <p className="bulk-results__hint">Failed members stay selected: fix the cause and run the action again.</p>}
          <button type="button" className="button button-quiet bulk-results__dismiss" onClick={dismiss}>
            Dismiss results
          </button>
        </>
      )}
    </section>
  )
}
