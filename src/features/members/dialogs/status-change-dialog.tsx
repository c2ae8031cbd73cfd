import { useMemo } from 'react'
import { useSession } from '../../../lib/session.tsx'
import { partitionMembers, type SkipRule } from '../domain/action-rules.ts'
import { type BulkCallResult, inChunks } from '../hooks/use-bulk-run.ts'
import { DialogFrame, SkippedList } from './dialog-frame.tsx'
import type { MemberDialogProps } from './member-dialogs-host.tsx'
import { MemberList, membersWord } from './member-list.tsx'
import { RunFooter } from './run-footer.tsx'
import { useDialogRun } from './use-dialog-run.ts'

interface StatusChangeDialogProps extends MemberDialogProps {
  title: 'Disable members' | 'Enable members'
  verb: 'Disable' | 'Enable'
  rule: SkipRule
  call(usernames: string[]): Promise<BulkCallResult[]>
  explanation: string
}

/** Disable or enable members with the portal's bulk call, listing who is skipped and why first. */
export function StatusChangeDialog({ members, onClose, title, verb, rule, call, explanation }: StatusChangeDialogProps) {
  const session = useSession()
  const { eligible, skipped } = useMemo(() => partitionMembers(session, members, rule), [session, members, rule])
  const run = useDialogRun(onClose)

  const start = (targets: readonly string[]) =>
    run.start({
      title,
      usernames: targets,
      skipped: targets.length === eligible.length ? skipped.map((s) => ({ username: s.member.username, status: 'skipped', reason: s.reason })) : [],
      execute: inChunks(targets, call),
    })

  return (
    <DialogFrame title={title} onClose={onClose} isBusy={run.running}>
      {eligible.length > 0 ? (
        <>
          <p>
            {verb} {membersWord(eligible.length)}? {explanation}
          </p>
          <MemberList members={eligible} label={`Members to ${verb.toLowerCase()}`} />
        </>
      ) : (
        <p>None of the chosen members can be {verb === 'Disable' ? 'disabled' : 'enabled'}.</p>
      )}
      <SkippedList skipped={skipped} />
      <RunFooter
        title={title}
        confirmLabel={`${verb} ${membersWord(eligible.length)}`}
        confirmDisabled={eligible.length === 0}
        destructive={verb === 'Disable'}
        {...run}
        onConfirm={() => start(eligible.map((m) => m.username))}
        onRetry={start}
        onCancelRun={run.cancel}
        onClose={onClose}
      />
    </DialogFrame>
  )
}
