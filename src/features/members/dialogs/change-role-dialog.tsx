import { useId, useMemo, useState } from 'react'
import { useSession } from '../../../lib/session.tsx'
import { updateUserRole } from '../api/update-user-role.ts'
import { updateUserRoles } from '../api/update-user-roles.ts'
import { isAdministratorRole } from '../domain/member-facts.ts'
import { whySkipRoleChange } from '../domain/role-fit.ts'
import { type BulkSupport, bulkOrEach } from '../hooks/use-bulk-run.ts'
import { DialogFrame, SkippedList } from './dialog-frame.tsx'
import type { MemberDialogProps } from './member-dialogs-host.tsx'
import { MemberList, membersWord } from './member-list.tsx'
import { RunFooter } from './run-footer.tsx'
import { useDialogRun } from './use-dialog-run.ts'
import { useRolesAndTypes } from './use-roles-and-types.ts'

/** Whether the portal has updateUserRoles (our extension), for the page's life. */
const bulkRoleSupport: BulkSupport = {}
/** Members per updateUserRoles call: ten progress steps for 100, each a point to cancel. */
const CHUNK = 10
/** Two calls in flight: the console handles one answer while the portal works on the next. */
const CALLS_AT_ONCE = 2
/** Single updateUserRole calls at once on a portal without the bulk call (a browser's connections per host). */
const SINGLE_CALLS = 6

/** Bulk "Change role": one role for many members; who it cannot apply to is listed first, with why. */
export default function ChangeRoleDialog({ members, onClose }: MemberDialogProps) {
  const session = useSession()
  const { roles, userTypes, error } = useRolesAndTypes()
  const [roleId, setRoleId] = useState('')
  const run = useDialogRun(onClose)
  const selectId = useId()
  const role = roles.find((r) => r.id === roleId)

  const { eligible, skipped } = useMemo(() => {
    if (!role) return { eligible: [], skipped: [] }
    const eligible = []
    const skipped = []
    for (const member of members) {
      const reason = whySkipRoleChange(session, member, role, userTypes)
      if (reason) skipped.push({ member, reason })
      else eligible.push(member)
    }
    return { eligible, skipped }
  }, [members, role, session, userTypes])

  const start = (targets: readonly string[]) => {
    if (!role) return
    run.start({
      title: 'Change role',
      usernames: targets,
      skipped: targets.length === eligible.length ? skipped.map((s) => ({ username: s.member.username, status: 'skipped', reason: s.reason })) : [],
      execute: bulkOrEach(
        targets,
        { call: (chunk) => updateUserRoles(chunk, role.id), size: CHUNK, support: bulkRoleSupport, concurrency: CALLS_AT_ONCE },
        (username) => updateUserRole(username, role.id),
        SINGLE_CALLS,
      ),
    })
  }

  return (
    <DialogFrame title="Change role" onClose={onClose} isBusy={run.running}>
      {error && <p role="alert">Roles could not be loaded: {error.message}</p>}
      <div className="field">
        <label htmlFor={selectId}>New role</label>
        <select id={selectId} value={roleId} onChange={(e) => setRoleId(e.target.value)} disabled={run.running}>
          <option value="">Choose a role…</option>
          {roles.map((r) => (
            <option key={r.id} value={r.id} disabled={isAdministratorRole(r) && !session.isFullAdmin}>
              {r.name}
              {isAdministratorRole(r) && !session.isFullAdmin ? ' (full administrators only)' : ''}
            </option>
          ))}
        </select>
      </div>
      {role && eligible.length > 0 && (
        <>
          <p>
            {membersWord(eligible.length)} will get the {role.name} role.
          </p>
          <MemberList members={eligible} label="Members to change" />
        </>
      )}
      {role && eligible.length === 0 && <p>None of the chosen members can get the {role.name} role.</p>}
      <SkippedList skipped={skipped} />
      <RunFooter
        title="Change role"
        confirmLabel={role ? `Change role of ${membersWord(eligible.length)}` : 'Change role'}
        confirmDisabled={!role || eligible.length === 0}
        {...run}
        onConfirm={() => start(eligible.map((m) => m.username))}
        onRetry={start}
        onCancelRun={run.cancel}
        onClose={onClose}
      />
    </DialogFrame>
  )
}
