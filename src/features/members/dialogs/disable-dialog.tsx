import { disableUsers } from '../api/disable-users.ts'
import { whyCannotDisable } from '../domain/action-rules.ts'
import type { MemberDialogProps } from './member-dialogs-host.tsx'
import { StatusChangeDialog } from './status-change-dialog.tsx'

export default function DisableDialog(props: MemberDialogProps) {
  return (
    <StatusChangeDialog
      {...props}
      title="Disable members"
      verb="Disable"
      rule={whyCannotDisable}
      call={disableUsers}
      explanation="They are signed out at once and cannot sign in until enabled. They keep their content and still use a license."
    />
  )
}
