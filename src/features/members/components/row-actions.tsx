import { MoreHorizontal } from '../../../lib/icons.ts'
import { useSession } from '../../../lib/session.tsx'
import { type MemberDialogKind, useMemberDialogs } from '../dialogs/member-dialogs-host.tsx'
import { whyCannotChangeUserType, whyCannotDelete, whyCannotDisable, whyCannotResetPassword } from '../domain/action-rules.ts'
import { PRIVILEGE } from '../domain/member-facts.ts'
import type { MemberSummary } from '../hooks/use-member-selection.ts'
import { type MenuEntry, MenuButton } from './row-actions-menu-button.tsx'
import './selection.css'

// One element for every row: React skips it when the row shows another member.
const MORE_ICON = <MoreHorizontal size={18} aria-hidden="true" />

/** "More options for <username>": the one-member actions the signed-in administrator may take. */
export function RowActions({ member }: { member: MemberSummary }) {
  const session = useSession()
  const dialogs = useMemberDialogs()
  const may = (privilege: string) => session.privileges.has(privilege)
  // Entries the member cannot take stay visible, disabled, saying why.
  const actions: (MenuEntry & { id: MemberDialogKind })[] = [{ id: 'profile', label: 'View profile' }]
  if (may(PRIVILEGE.manageLicenses)) actions.push({ id: 'userType', label: 'Manage user type', reason: whyCannotChangeUserType(session, member) })
  if (may(PRIVILEGE.updateUsers)) actions.push({ id: 'resetPassword', label: 'Reset password', reason: whyCannotResetPassword(session, member) })
  if (may(PRIVILEGE.disableUsers))
    actions.push(
      member.disabled
        ? { id: 'enable', label: 'Enable member' }
        : { id: 'disable', label: 'Disable member', reason: whyCannotDisable(session, member) },
    )
  if (may(PRIVILEGE.deleteUsers)) actions.push({ id: 'delete', label: 'Delete member', reason: whyCannotDelete(session, member) })

  return (
    <MenuButton
      className="button button-quiet button-icon row-actions__button"
      ariaLabel={`More options for ${member.username}`}
      menuLabel={`Actions for ${member.username}`}
      items={actions}
      placement="bottom end"
      subject={member.username}
      onOpen={() => {
        for (const action of actions) dialogs.preload(action.id)
      }}
      onAction={(id) => dialogs.open(id as MemberDialogKind, [member])}
    >
      {MORE_ICON}
    </MenuButton>
  )
}
