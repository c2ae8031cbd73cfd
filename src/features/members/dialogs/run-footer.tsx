import { Button, Label, ProgressBar } from 'react-aria-components'
import { type BulkRunState, CANCELLED_REASON, type MemberOutcome } from '../hooks/use-bulk-run.ts'
import { useMemberSelection } from '../hooks/use-member-selection.ts'

interface RunFooterProps {
  title: string
  confirmLabel: string
  confirmDisabled?: boolean
  /** Says why confirm is disabled, next to it. */
  confirmHint?: string | null
  destructive?: boolean
  /** What did not happen to a failed member: "1 member was not <changed>". */
  failedVerb?: 'changed' | 'deleted'
  running: boolean
  blocked?: boolean
  progress: BulkRunState
  finished: BulkRunState | null
  failed: readonly MemberOutcome[]
  onConfirm(): void
  onRetry(usernames: string[]): void
  onCancelRun(): void
  onClose(): void
}

/** Progress while a run goes, its failures when it ends, and the buttons for each moment. */
export function RunFooter(props: RunFooterProps) {
  const { title, running, progress, finished, failed } = props
  const done = finished?.outcomes.filter((o) => o.status === 'done').length ?? 0
  // Said only when true: a run from a row's menu acts on a member who may not be selected at all.
  const { isSelected } = useMemberSelection()
  const anySelected = (outcomes: readonly MemberOutcome[]) => outcomes.some((o) => isSelected(o.username))
  const notSent = finished?.outcomes.filter((o) => o.reason === CANCELLED_REASON) ?? []
  return (
    <div className="member-dialog__footer">
      {running && (
        <ProgressBar className="run-progress" value={progress.completed} maxValue={Math.max(progress.total, 1)} valueLabel={`${progress.completed} of ${progress.total}`}>
          {({ percentage, valueText }) => (
            <>
              <Label>{title}</Label> <span className="run-progress__value">{valueText}</span>
              <div className="run-progress__track">
                <div className="run-progress__fill" style={{ width: `${percentage ?? 0}%` }} />
              </div>
            </>
          )}
        </ProgressBar>
      )}
      {finished && (
        <div role="alert" className="member-dialog__outcome">
          {finished.cancelled && (
            <p>
              Cancelled: {done} done
              {notSent.length > 0 && `; ${notSent.length} not sent${anySelected(notSent) ? ', and they stay selected' : ''}`}.
            </p>
          )}
          {failed.length > 0 && (
            <>
              <p>
                {failed.length === 1 ? '1 member was' : `${failed.length} members were`} not {props.failedVerb ?? 'changed'}
                {done ? ` (${done} done)` : ''}.{anySelected(failed) ? ' Failed members stay selected.' : ''}
              </p>
              <ul className="member-dialog__failures">
                {failed.map((outcome) => (
                  <li key={outcome.username}>
                    <strong>{outcome.username}</strong>: {outcome.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {props.confirmHint && !running && !finished && <p className="member-dialog__hint">{props.confirmHint}</p>}
      <div className="member-dialog__buttons">
        {running ? (
          <Button className="button" onPress={props.onCancelRun} isDisabled={progress.cancelled}>
            {progress.cancelled ? 'Cancelling…' : 'Cancel'}
          </Button>
        ) : (
          <Button className="button" onPress={props.onClose}>{finished ? 'Close' : 'Cancel'}</Button>
        )}
        {finished && failed.length > 0 ? (
          <Button className="button button-primary" onPress={() => props.onRetry(failed.map((f) => f.username))}>
            Retry failed ({failed.length})
          </Button>
        ) : (
          !finished && (
            <Button
              className={props.destructive ? 'button button-danger' : 'button button-primary'}
              onPress={props.onConfirm}
              isDisabled={props.confirmDisabled || props.blocked}
              isPending={running}
            >
              {props.confirmLabel}
            </Button>
          )
        )}
      </div>
    </div>
  )
}
