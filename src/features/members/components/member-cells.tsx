import { userTypeNameOf } from '../domain/member-facts.ts'
import { useMinuteNow } from '../../../lib/clock.tsx'
import { formatDate, formatDateTime, formatRelative } from '../../../lib/format.ts'
import type { Member } from '../types.ts'
import { providerLabel } from './member-labels.ts'
import { useMemberRows } from './member-rows-context.tsx'

/** Cells render member data as text only: React escapes it, and nothing here uses innerHTML. */

export function NameCell({ member }: { member: Member }) {
  const name = member.fullName?.trim()
  return (
    <div className="name-cell">
      {/* Long names are cut short in their column; the whole one shows on hover. */}
      <span className="name-primary" title={name || member.username}>
        {name || member.username}
      </span>
      {name && <span className="name-secondary">{member.username}</span>}
    </div>
  )
}

/** Long addresses are cut short on screen; the whole one shows on hover (and is all there for screen readers). */
export function EmailCell({ member }: { member: Member }) {
  return <span title={member.email}>{member.email}</span>
}

export function UserTypeCell({ member }: { member: Member }) {
  const { userTypes } = useMemberRows()
  return <>{userTypeNameOf(member.userLicenseTypeId, userTypes)}</>
}

export function StatusCell({ member }: { member: Member }) {
  return member.disabled ? <span className="badge badge-disabled">Disabled</span> : <span>Enabled</span>
}

export function LoginTypeCell({ member }: { member: Member }) {
  return <>{providerLabel(member.provider)}</>
}

/** Relative ("3 days ago", kept up to date by the table's MinuteClock), exact on hover; "Never" for -1. */
export function LastSignInCell({ member }: { member: Member }) {
  const now = useMinuteNow()
  if (!member.lastLogin || member.lastLogin < 0) return <span className="text-muted">Never</span>
  return (
    // The server drew its first screen seconds earlier: across a minute's boundary the text differs, which
    // must not make React throw away the page it adopts (src/app/hydration.ts); the next tick redraws it.
    <time dateTime={new Date(member.lastLogin).toISOString()} title={formatDateTime(member.lastLogin)} suppressHydrationWarning>
      {/* A portal clock ahead of this browser's must not make a sign-in "in 1 minute". */}
      {formatRelative(member.lastLogin, Math.max(now, member.lastLogin))}
    </time>
  )
}

export function DateAddedCell({ member }: { member: Member }) {
  return (
    <time dateTime={new Date(member.created).toISOString()} title={formatDateTime(member.created)}>
      {formatDate(member.created)}
    </time>
  )
}
