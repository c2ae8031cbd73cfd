import { focusSoonIfLost } from '../../../lib/focus.ts'
import { groupBy } from '../../../lib/group-by.ts'
import { type BulkRunState, type MemberOutcome, useBulkRun } from '../hooks/use-bulk-run.ts'
import { useMemberSelection } from '../hooks/use-member-selection.ts'
import { MemberNames } from './member-names.tsx'

/**
 * One kind of outcome, one entry per reason (as the dialogs' "Skipped" lists): forty members skipped for
 * the same reason are one sentence and forty names.
 */
function OutcomeList({ title, outcomes, open }: { title: string; outcomes: MemberOutcome[]; open?: boolean }) {
  if (!outcomes.length) return null
  return (
    <details className="bulk-results__group" open={open}>
      <summary>
        {title} ({outcomes.length})
      </summary>
      <ul>
        {[...groupBy(outcomes, (outcome) => outcome.reason ?? '')].map(([reason, members]) => (
          <li key={reason}>
            {reason && `${reason}${members.length > 1 ? ` (${members.length})` : ''}`}
            <MemberNames members={members} />
          </li>
        ))}
      </ul>
    </details>
  )
}

/** What a run did, in one line: "Disable members: 2 done, 0 skipped, 1 failed." (or its start, while it goes). */
function summaryOf(state: BulkRunState, counts: { done: number; skipped: number; failed: number }): string {
  if (state.phase === 'running') return `${state.title}: ${state.total} ${state.total === 1 ? 'member' : 'members'}…`
  return `${state.title}${state.cancelled ? ' (cancelled)' : ''}: ${counts.done} done, ${counts.skipped} skipped, ${counts.failed} failed.`
}

/** The region "Results": what the last run did to each member — done, skipped and failed, with why. */
export function BulkResults() {
  const { state, dismiss } = useBulkRun()
  const by = (status: MemberOutcome['status']) => state.outcomes.filter((o) => o.status === status)
  const done = by('done')
  const skipped = by('skipped')
  const failed = by('failed')
  const { isSelected } = useMemberSelection()
  const summary = state.phase === 'idle' ? '' : summaryOf(state, { done: done.length, skipped: skipped.length, failed: failed.length })
  // The region goes with its button: focus moves on to the table below it, not back to the page's top.
  const dismissKeepingFocus = () => {
    dismiss()
    focusSoonIfLost(() => document.querySelector<HTMLElement>('table[aria-label="Members"]'))
  }
  return (
    <>
      {/*
        Screen readers hear a run start and end, not every step (the dialog's progress bar has those).
        Always in the page, and marked as a live announcer: runs start from a modal dialog, which hides
        everything else from screen readers (react-aria's ariaHideOutside) except live announcers that
        exist when it opens. The Results region appears only with the run, so it would be hidden, and a
        run that ends well closes its dialog at the moment it would be read out.
      */}
      <span role="status" className="visually-hidden" data-live-announcer="true">
        {summary}
      </span>
      {state.phase !== 'idle' && (
        <section className="bulk-results" aria-label="Results">
          <p className="bulk-results__summary">
            {summary}
            {state.phase === 'running' && <span aria-hidden="true"> {`${state.completed} of ${state.total} done`}</span>}
          </p>
          {state.phase === 'finished' && (
            <>
              <OutcomeList title="Failed" outcomes={failed} open />
              <OutcomeList title="Skipped" outcomes={skipped} open />
              <OutcomeList title="Done" outcomes={done} />
              {failed.length > 0 && (
                <p className="bulk-results__hint">
                  {/* A run from a row's menu may act on a member who is not selected. */}
                  {failed.some((o) => isSelected(o.username))
                    ? 'Failed members stay selected: fix the cause and run the action again.'
                    : 'Fix the cause and run the action again.'}
                </p>
              )}
              <button type="button" className="button button-quiet bulk-results__dismiss" onClick={dismissKeepingFocus}>
                Dismiss results
              </button>
            </>
          )}
        </section>
      )}
    </>
  )
}
