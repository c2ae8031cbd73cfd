import { enableUsers } from '../api/enable-users.ts'
import { whyCannotEnable } from '../domain/action-rules.ts'
import type { MemberDialogProps } from './member-dialogs-host.tsx'
import { StatusChangeDialog } from './status-change-dialog.tsx'

export default function EnableDialog(props: MemberDialogProps) {
  return (
    <StatusChangeDialog
      {...props}
      title="Enable members"
      verb="Enable"
      rule={whyCannotEnable}
      call={enableUsers}
      explanation="They can sign in again with their existing password."
    />
  )
}
