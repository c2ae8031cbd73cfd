import { useId, useMemo, useState } from 'react'
import { useSession } from '../../../lib/session.tsx'
import { updateUserLicenseType } from '../api/update-user-license-type.ts'
import { canOwnContent } from '../domain/member-facts.ts'
import { planUserTypeChange } from '../domain/user-type-plan.ts'
import { inChunks, type RunContext } from '../hooks/use-bulk-run.ts'
import { DialogFrame, SkippedList } from './dialog-frame.tsx'
import type { MemberDialogProps } from './member-dialogs-host.tsx'
import { MemberList, membersWord } from './member-list.tsx'
import { RunFooter } from './run-footer.tsx'
import { useDialogRun } from './use-dialog-run.ts'
import { useMemberOwnership } from './use-member-ownership.ts'
import { useRolesAndTypes } from './use-roles-and-types.ts'
import { UserTypeChoices } from './user-type-choices.tsx'

/** "Manage user types": one type for one or many members, a role where theirs would not fit, licenses counted. */
export default function UserTypeDialog({ members, onClose }: MemberDialogProps) {
  const session = useSession()
  const { roles, userTypes, error } = useRolesAndTypes({ freshSeats: true })
  const [typeId, setTypeId] = useState('')
  const [roleId, setRoleId] = useState('')
  const run = useDialogRun(onClose)
  const roleSelectId = useId()
  const type = userTypes.find((t) => t.id === typeId)
  const lowersOwnership = type !== undefined && !canOwnContent(type)
  // Only members whose current type may own content can own any: ask about them alone.
  const mayOwn = members.filter((m) => {
    const current = userTypes.find((t) => t.id === m.userLicenseTypeId)
    return !current || canOwnContent(current)
  })
  const ownership = useMemberOwnership(
    mayOwn.map((m) => m.username),
    lowersOwnership,
  )

  const plan = useMemo(
    () =>
      type &&
      planUserTypeChange({
        actor: session,
        members,
        type,
        roles,
        ownsContent: (username) => (mayOwn.some((m) => m.username === username) ? ownership.get(username)?.owns : false),
        replacementRole: roles.find((r) => r.id === roleId) ?? null,
      }),
    [type, session, members, roles, roleId, ownership, mayOwn],
  )
  const ownershipError = [...ownership.values()].find((o) => o.status === 'error')

  const start = (targets: readonly string[]) => {
    if (!plan || !type) return
    const wanted = new Set(targets)
    const keep = plan.keepRole.map((m) => m.username).filter((u) => wanted.has(u))
    const withRole = plan.withNewRole.map((m) => m.username).filter((u) => wanted.has(u))
    run.start({
      title: 'Manage user types',
      usernames: [...keep, ...withRole],
      skipped: targets.length === plan.keepRole.length + plan.withNewRole.length
        ? plan.skipped.map((s) => ({ username: s.member.username, status: 'skipped', reason: s.reason }))
        : [],
      execute: async (context: RunContext) => {
        await inChunks(keep, (chunk) => updateUserLicenseType(chunk, type.id))(context)
        await inChunks(withRole, (chunk) => updateUserLicenseType(chunk, type.id, roleId))(context)
      },
    })
  }

  const changing = plan ? [...plan.keepRole, ...plan.withNewRole, ...plan.needRole] : []
  const hint = !plan
    ? null
    : plan.checking.length
      ? `Checking what ${membersWord(plan.checking.length)} own…`
      : plan.needRole.length
        ? `Choose a role for ${membersWord(plan.needRole.length)} whose role does not fit ${type?.name}.`
        : null

  return (
    <DialogFrame title="Manage user types" onClose={onClose} isBusy={run.running}>
      {error && <p role="alert">User types could not be loaded: {error.message}</p>}
      <UserTypeChoices userTypes={userTypes} value={typeId} onChange={setTypeId} members={members} isDisabled={run.running} />
      {plan && (plan.needRole.length > 0 || plan.withNewRole.length > 0) && (
        <div className="field">
          <label htmlFor={roleSelectId}>Role for members whose role does not fit {type?.name}</label>
          <select id={roleSelectId} value={roleId} onChange={(e) => setRoleId(e.target.value)} disabled={run.running}>
            <option value="">Choose a role…</option>
            {plan.fittingRoles.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
          <MemberList members={[...plan.needRole, ...plan.withNewRole]} label="Members who need a new role" />
        </div>
      )}
      {plan && changing.length > 0 && (
        <>
          <p>
            {membersWord(changing.length)} will get the {type?.name} user type.
          </p>
          <MemberList members={changing} label="Members to change" />
        </>
      )}
      {ownershipError && <p role="alert">Could not check what members own: {ownershipError.error?.message}</p>}
      {plan && <SkippedList skipped={plan.skipped} heading="Cannot change" />}
      <RunFooter
        title="Manage user types"
        confirmLabel={plan ? `Change user type of ${membersWord(changing.length)}` : 'Change user type'}
        confirmDisabled={!plan || plan.needRole.length > 0 || plan.checking.length > 0 || plan.keepRole.length + plan.withNewRole.length === 0}
        confirmHint={hint}
        {...run}
        onConfirm={() => plan && start([...plan.keepRole, ...plan.withNewRole].map((m) => m.username))}
        onRetry={start}
        onCancelRun={run.cancel}
        onClose={onClose}
      />
    </DialogFrame>
  )
}
