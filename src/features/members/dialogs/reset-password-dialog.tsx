import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Button } from 'react-aria-components'
import { useSession } from '../../../lib/session.tsx'
import { memberQueries } from '../api/member-queries.ts'
import { resetPassword } from '../api/reset-password.ts'
import { whyCannotResetPassword } from '../domain/action-rules.ts'
import { MemberName } from '../components/member-names.tsx'
import { DialogFrame } from './dialog-frame.tsx'
import type { MemberDialogProps } from './member-dialogs-host.tsx'

/** Reset one built-in member's password and show the temporary one, once. */
export default function ResetPasswordDialog({ members, onClose }: MemberDialogProps) {
  const member = members[0]!
  const session = useSession()
  const queryClient = useQueryClient()
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null)
  const reason = whyCannotResetPassword(session, member)
  const reset = useMutation({
    mutationFn: () => resetPassword(member.username),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: memberQueries.detail(member.username).queryKey }),
  })

  const copy = async (password: string) => {
    try {
      await navigator.clipboard.writeText(password)
      setCopied('yes')
    } catch {
      setCopied('failed')
    }
  }

  const password = reset.data?.temporaryPassword
  return (
    <DialogFrame title="Reset password" onClose={onClose} isBusy={reset.isPending} closesOnlyByButton={Boolean(password)}>
      {password ? (
        <>
          <p>
            The password of <MemberName member={member} /> was reset, and they were signed out everywhere.
          </p>
          <div className="field">
            <label htmlFor="temporary-password">Temporary password</label>
            <div className="field__row">
              {/*
                Focus lands on the password, not on "Done": a second press of the key that reset it (a double press,
                key repeat) would otherwise close the dialog and lose a password shown only this once.
              */}
              <input
                id="temporary-password"
                className="temporary-password"
                readOnly
                value={password}
                // biome-ignore lint/a11y/noAutofocus: the dialog's one piece of news, and a safe place for a stray key
                autoFocus
                onFocus={(e) => e.currentTarget.select()}
              />
              <Button className="button" onPress={() => copy(password)}>Copy password</Button>
            </div>
            <p role="status" className="member-dialog__hint">
              {copied === 'yes' ? 'Copied.' : copied === 'failed' ? 'Could not copy: select the password and copy it yourself.' : ''}
            </p>
          </div>
          <p>
            It is shown only this once. Give it to {member.fullName || member.username} privately: they sign in with it and must then choose a
            new password before they can go on.
          </p>
          <div className="member-dialog__buttons">
            <Button className="button button-primary" onPress={onClose}>
              Done
            </Button>
          </div>
        </>
      ) : (
        <>
          {reason ? (
            <p>
              <MemberName member={member} />: {reason}
            </p>
          ) : (
            <p>
              Reset the password of <MemberName member={member} />? They are signed out everywhere at once, get a temporary password, and must
              choose a new one at their next sign-in.
            </p>
          )}
          {reset.error && (
            <p role="alert" className="member-dialog__error">
              The password was not reset: {reset.error.message}
            </p>
          )}
          <div className="member-dialog__buttons">
            <Button className="button" onPress={onClose}>Cancel</Button>
            {!reason && (
              <Button className="button button-danger" onPress={() => reset.mutate()} isPending={reset.isPending}>
                Reset password
              </Button>
            )}
          </div>
        </>
      )}
    </DialogFrame>
  )
}
