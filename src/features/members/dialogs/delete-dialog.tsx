import { useId, useMemo, useState } from 'react'
import { useSession } from '../../../lib/session.tsx'
import { deleteUser } from '../api/delete-user.ts'
import { reassignUserContent } from '../api/reassign-user-content.ts'
import { removeUsers } from '../api/remove-users.ts'
import { partitionMembers, whyCannotDelete } from '../domain/action-rules.ts'
import { isAdministrator, PRIVILEGE } from '../domain/member-facts.ts'
import { type BulkCallResult, moveThenDelete } from '../hooks/use-bulk-run.ts'
import type { MemberSummary } from '../hooks/use-member-selection.ts'
import type { Member } from '../types.ts'
import { MemberNames } from '../components/member-names.tsx'
import { DialogFrame, SkippedList } from './dialog-frame.tsx'
import type { MemberDialogProps } from './member-dialogs-host.tsx'
import { membersWord } from './member-list.tsx'
import { OwnershipList } from './ownership-summary.tsx'
import { ReceiverPicker } from './receiver-picker.tsx'
import { RunFooter } from './run-footer.tsx'
import { useDialogRun } from './use-dialog-run.ts'
import { useMemberOwnership } from './use-member-ownership.ts'
import { useRolesAndTypes } from './use-roles-and-types.ts'

/** Members whose content moves at once (each move is one transaction on the portal). */
const MOVES_AT_ONCE = 4
/** Members per removeUsers call: deleting keeps pace with moving, and progress moves in tens. */
const DELETE_CHUNK = 10

/** "Delete member" for one: the portal's own single delete. */
async function deleteOne([username]: string[]): Promise<BulkCallResult[]> {
  await deleteUser(username!)
  return [{ username: username!, status: 'success' }]
}

/**
 * Delete one or many members. What they own is moved first, each member's all
 * at once, to one receiver; only members whose content moved (or who owned
 * nothing) are then deleted, so nothing is ever lost (portal-api.md §7 rules 8, 9).
 */
export default function DeleteDialog({ members, onClose }: MemberDialogProps) {
  const session = useSession()
  const { userTypes } = useRolesAndTypes()
  const single = members.length === 1
  const title = single ? 'Delete member' : 'Delete members'
  const { eligible, skipped: ruleSkipped } = useMemo(() => partitionMembers(session, members, whyCannotDelete), [session, members])
  const ownership = useMemberOwnership(eligible.map((m) => m.username))
  const [receiver, setReceiver] = useState<Member | null>(null)
  const [typed, setTyped] = useState('')
  const run = useDialogRun(onClose)
  const confirmId = useId()
  const canMove = session.privileges.has(PRIVILEGE.reassignUsers)

  const skipped = [...ruleSkipped]
  const deletable: MemberSummary[] = []
  for (const member of eligible) {
    const owned = ownership.get(member.username)
    if (owned?.status === 'error') skipped.push({ member, reason: `Could not check what they own: ${owned.error?.message}` })
    else if (owned?.owns && !canMove) skipped.push({ member, reason: 'Owns items or groups, and you do not have the privilege to move them.' })
    else deletable.push(member)
  }
  const owners = deletable.filter((m) => ownership.get(m.username)?.owns)
  const administrators = deletable.filter(isAdministrator)
  const checking = deletable.some((m) => ownership.get(m.username)?.status === 'loading')
  const deleting = useMemo(() => new Set(members.map((m) => m.username.toLowerCase())), [members])
  const expected = single ? members[0]!.username : String(deletable.length)
  const confirmed = typed.trim().toLowerCase() === expected.toLowerCase()

  const start = (targets: readonly string[]) => {
    const wanted = new Set(targets)
    const toMove = owners.map((m) => m.username).filter((u) => wanted.has(u))
    const plain = deletable.map((m) => m.username).filter((u) => wanted.has(u) && !toMove.includes(u))
    const target = receiver?.username
    run.start({
      title,
      usernames: [...toMove, ...plain],
      removesMembers: true,
      skipped: targets.length === deletable.length ? skipped.map((s) => ({ username: s.member.username, status: 'skipped', reason: s.reason })) : [],
      execute: moveThenDelete({
        toMove,
        plain,
        // Confirm stays disabled until a receiver is chosen when anyone owns something.
        move: (username) => (target ? reassignUserContent(username, target) : Promise.reject(new Error('No member was chosen to receive it.'))),
        remove: single ? deleteOne : removeUsers,
        concurrency: MOVES_AT_ONCE,
        // The results say where each member's content went, once it did.
        movedNote: target ? `items and groups moved to ${target}` : undefined,
        size: DELETE_CHUNK,
      }),
    })
  }

  const needsReceiver = owners.length > 0
  const canConfirm = deletable.length > 0 && !checking && !(needsReceiver && !receiver) && confirmed
  const confirm = () => start(deletable.map((m) => m.username))
  const hint = checking
    ? 'Checking what they own…'
    : needsReceiver && !receiver
      ? 'Choose who receives their content.'
      : !confirmed && deletable.length
        ? `Type ${single ? 'the username' : 'the number of members'} to confirm.`
        : null

  return (
    <DialogFrame title={title} onClose={onClose} isBusy={run.running}>
      {deletable.length > 0 ? (
        <p>
          Delete {single ? <strong>{members[0]!.username}</strong> : membersWord(deletable.length)} permanently? {needsReceiver && 'What they own moves first; a member is deleted only once their content has moved.'}
        </p>
      ) : (
        <p>None of the chosen members can be deleted.</p>
      )}
      {administrators.length > 0 && (
        // Not a rule (the portal keeps the last one), but not a deletion to make without noticing.
        <div className="member-dialog__warning">
          {single ? 'This member is an administrator.' : `${membersWord(administrators.length)} ${administrators.length === 1 ? 'is an administrator' : 'are administrators'}:`}
          {!single && <MemberNames members={administrators} />}
        </div>
      )}
      <OwnershipList members={deletable} ownership={ownership} label="What each member owns" />
      {needsReceiver && (
        <ReceiverPicker deleting={deleting} userTypes={userTypes} receiver={receiver} onChange={setReceiver} isDisabled={run.running} />
      )}
      <SkippedList skipped={skipped} />
      {deletable.length > 0 && (
        <div className="field">
          <label htmlFor={confirmId}>
            Type <strong>{expected}</strong> to confirm
          </label>
          <input
            id={confirmId}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            // Enter confirms, as in any form, once the button it stands for is enabled.
            onKeyDown={(e) => {
              if (e.key === 'Enter' && canConfirm && run.canStart) confirm()
            }}
            autoComplete="off"
            disabled={run.running}
          />
        </div>
      )}
      <RunFooter
        title={title}
        failedVerb="deleted"
        confirmLabel={single ? 'Delete member' : `Delete ${membersWord(deletable.length)}`}
        confirmDisabled={!canConfirm}
        confirmHint={hint}
        destructive
        {...run}
        onConfirm={confirm}
        onRetry={start}
        onCancelRun={run.cancel}
        onClose={onClose}
      />
    </DialogFrame>
  )
}
