import { useId, useRef } from 'react'
import { useSession } from '../../../lib/session.tsx'
import { PRIVILEGE, roleIdOf, roleNameOf } from '../domain/member-facts.ts'
import { roleOptionsFor, whyRoleIsLocked } from '../domain/role-fit.ts'
import type { MemberSummary } from '../hooks/use-member-selection.ts'
import { useFocusFollowsMember } from '../hooks/use-focus-follows-member.ts'
import { useMemberRows } from './member-rows-context.tsx'
import { type ComboboxOption, SelectOnlyCombobox } from './select-only-combobox.tsx'
import './selection.css'

const roleLabel = (username: string) => `Role for ${username}`

/**
 * The row's role: a "Role for <username>" dropdown for whoever may change it,
 * offering only roles that fit the member's user type (the others stay
 * visible, disabled, with the reason); plain text for everyone else.
 */
export function RoleCell({ member }: { member: MemberSummary }) {
  const session = useSession()
  const { roles, userTypes, roleChangeOf, changeRole } = useMemberRows()
  const noteId = useId()
  const control = useRef<HTMLButtonElement>(null)
  useFocusFollowsMember(control, member.username, roleLabel)
  const change = roleChangeOf(member.username)
  const current = roleIdOf(member)
  const currentName = roleNameOf(member, roles)
  if (!session.privileges.has(PRIVILEGE.changeUserRoles) || roles.length === 0) return <span>{currentName}</span>

  const locked = whyRoleIsLocked(session, member)
  const shown = change?.pending ?? current
  // Worked out when the list opens, not for every row of every page.
  const options = () => {
    const fits: ComboboxOption[] = roleOptionsFor(session, member, roles, userTypes).map(({ role, disabledReason }) => ({
      value: role.id,
      label: role.name,
      disabledReason: role.id === current ? null : disabledReason,
    }))
    // A custom role this list does not know still shows as the current value.
    return roles.some((r) => r.id === current) ? fits : [{ value: current, label: current }, ...fits]
  }
  const note = change?.error ? `Role not changed: ${change.error.message}` : locked
  return (
    <div className="role-cell">
      <SelectOnlyCombobox
        controlRef={control}
        className="role-cell__select"
        label={roleLabel(member.username)}
        subject={member.username}
        describedBy={note ? noteId : undefined}
        value={shown}
        valueLabel={shown === current ? currentName : (roles.find((r) => r.id === shown)?.name ?? shown)}
        options={options}
        // Not locked while sending: the row keeps its control, and focus stays on it.
        lockedReason={locked}
        busy={Boolean(change?.pending)}
        onChange={(roleId) => changeRole(member.username, roleId)}
      />
      {note && (
        <span id={noteId} className={change?.error ? 'role-cell__error' : 'visually-hidden'} role={change?.error ? 'alert' : undefined}>
          {note}
        </span>
      )}
    </div>
  )
}
