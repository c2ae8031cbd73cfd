import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useId } from 'react'
import { useSession } from '../../../lib/session.tsx'
import { memberQueries } from '../api/member-queries.ts'
import { updateUserRole } from '../api/update-user-role.ts'
import { PRIVILEGE, roleIdOf, roleNameOf } from '../domain/member-facts.ts'
import { roleOptionsFor, whyRoleIsLocked } from '../domain/role-fit.ts'
import type { MemberSummary } from '../hooks/use-member-selection.ts'
import './selection.css'

/**
 * The row's role: a "Role for <username>" dropdown for whoever may change it,
 * offering only roles that fit the member's user type (the others stay
 * visible, disabled, with the reason); plain text for everyone else.
 */
export function RoleCell({ member }: { member: MemberSummary }) {
  const session = useSession()
  const queryClient = useQueryClient()
  const roles = useQuery(memberQueries.roles()).data ?? []
  const userTypes = useQuery(memberQueries.userTypes()).data ?? []
  const noteId = useId()
  const change = useMutation({
    mutationFn: (roleId: string) => updateUserRole(member.username, roleId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: memberQueries.all() }),
  })
  const current = roleIdOf(member)
  const currentName = roleNameOf(member, roles)
  if (!session.privileges.has(PRIVILEGE.changeUserRoles) || roles.length === 0) return <span>{currentName}</span>

  const locked = whyRoleIsLocked(session, member)
  const options = roleOptionsFor(session, member, roles, userTypes)
  // A custom role this list does not know still shows as the current value.
  const unknownCurrent = !roles.some((r) => r.id === current)
  const note = change.error ? `Role not changed: ${change.error.message}` : locked
  return (
    <div className="role-cell">
      <select
        className="role-cell__select"
        aria-label={`Role for ${member.username}`}
        aria-describedby={note ? noteId : undefined}
        value={change.isPending ? change.variables : current}
        // Not disabled while sending: that would take focus away from the row.
        disabled={Boolean(locked)}
        aria-busy={change.isPending}
        onChange={(event) => {
          if (!change.isPending) change.mutate(event.target.value)
        }}
      >
        {unknownCurrent && <option value={current}>{current}</option>}
        {options.map(({ role, disabledReason }) => (
          <option key={role.id} value={role.id} disabled={Boolean(disabledReason) && role.id !== current}>
            {disabledReason && role.id !== current && !locked ? `${role.name} — ${disabledReason}` : role.name}
          </option>
        ))}
      </select>
      {note && (
        <span id={noteId} className={change.error ? 'role-cell__error' : 'visually-hidden'} role={change.error ? 'alert' : undefined}>
          {note}
        </span>
      )}
    </div>
  )
}
