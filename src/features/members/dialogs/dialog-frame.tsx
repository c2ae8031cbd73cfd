import type { ReactNode } from 'react'
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components'
import { groupBy } from '../../../lib/group-by.ts'
import { MemberNames } from '../components/member-names.tsx'
import './dialogs.css'

interface DialogFrameProps {
  /** The dialog's accessible name (members-console.md lists them). */
  title: string
  children: ReactNode
  onClose(): void
  /** While work is in flight, Escape and outside clicks must not drop the dialog. */
  isBusy?: boolean
  /**
   * It shows something that cannot be shown again (a temporary password): only its own button closes it, not a
   * stray click outside or an Escape pressed once too often.
   */
  closesOnlyByButton?: boolean
  variant?: 'dialog' | 'panel'
}

export function DialogFrame({ title, children, onClose, isBusy = false, closesOnlyByButton = false, variant = 'dialog' }: DialogFrameProps) {
  return (
    <ModalOverlay
      isOpen
      isDismissable={!isBusy && !closesOnlyByButton}
      isKeyboardDismissDisabled={isBusy || closesOnlyByButton}
      onOpenChange={(open) => {
        if (!open) onClose()
      }}
      className={`member-dialog-overlay member-dialog-overlay--${variant}`}
    >
      <Modal className={`member-dialog member-dialog--${variant}`}>
        <Dialog className="member-dialog__body">
          <Heading slot="title" className="member-dialog__title">
            {title}
          </Heading>
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  )
}

/**
 * The members an action leaves out, one entry per reason: with 100 chosen, forty who never signed in are one
 * reason and forty names, not forty copies of the same sentence around the one that differs.
 */
export function SkippedList({
  skipped,
  heading = 'Skipped',
}: {
  skipped: readonly { member: { username: string; fullName?: string }; reason: string }[]
  heading?: string
}) {
  if (!skipped.length) return null
  const byReason = groupBy(skipped, (entry) => entry.reason)
  return (
    <section className="member-dialog__skipped" aria-label={`${heading} (${skipped.length})`}>
      <h3>
        {heading} ({skipped.length})
      </h3>
      <ul>
        {[...byReason].map(([reason, members]) => (
          <li key={reason} className="skipped-reason">
            {reason}
            {members.length > 1 && ` (${members.length})`}
            <MemberNames members={members.map((entry) => entry.member)} />
          </li>
        ))}
      </ul>
    </section>
  )
}
