import { useQuery } from '@tanstack/react-query'
import { Button } from 'react-aria-components'
import { useSession } from '../../../lib/session.tsx'
import { memberQueries } from '../api/member-queries.ts'
import { roleNameOf, userTypeNameOf } from '../domain/member-facts.ts'
import { DialogFrame } from './dialog-frame.tsx'
import type { MemberDialogProps } from './member-dialogs-host.tsx'
import { OwnershipSummary } from './ownership-summary.tsx'
import { ProfileChanges } from './profile-changes.tsx'
import { providerLabel } from '../components/member-labels.ts'
import { formatBytes, formatWhen } from './profile-format.ts'
import { useMemberOwnership } from './use-member-ownership.ts'
import { useRolesAndTypes } from './use-roles-and-types.ts'

/** "Member profile": a side panel with one member's details, content by folder, groups and recent changes. */
export default function ProfileDialog({ members, onClose }: MemberDialogProps) {
  const summary = members[0]!
  const session = useSession()
  const detail = useQuery(memberQueries.detail(summary.username))
  const { roles, userTypes } = useRolesAndTypes()
  const ownership = useMemberOwnership([summary.username]).get(summary.username)
  const changes = useQuery({ ...memberQueries.auditLog(summary.username), enabled: session.isFullAdmin })
  const member = detail.data
  const memberOf = (member?.groups ?? []) as { id?: string; title?: string }[]

  return (
    <DialogFrame title="Member profile" onClose={onClose} variant="panel">
      {detail.error && <p role="alert">The profile could not be loaded: {detail.error.message}</p>}
      {!member && !detail.error && <p role="status">Loading profile…</p>}
      {member && (
        <>
          <p className="profile__name">{member.fullName || member.username}</p>
          <dl className="profile__details">
            <dt>Username</dt>
            <dd>{member.username}</dd>
            <dt>Email</dt>
            <dd>{member.email || '—'}</dd>
            <dt>Role</dt>
            <dd>{roleNameOf(member, roles)}</dd>
            <dt>User type</dt>
            <dd>{userTypeNameOf(member.userLicenseTypeId, userTypes)}</dd>
            <dt>Status</dt>
            <dd>{member.disabled ? 'Disabled' : 'Enabled'}</dd>
            <dt>Login type</dt>
            <dd>{providerLabel(member.provider)}</dd>
            <dt>Multi-factor authentication</dt>
            <dd>{member.mfaEnabled ? 'On' : 'Off'}</dd>
            <dt>Created</dt>
            <dd>{formatWhen(member.created, '—')}</dd>
            <dt>Last sign-in</dt>
            <dd>{formatWhen(member.lastLogin)}</dd>
            <dt>Storage</dt>
            <dd>
              {formatBytes(member.storageUsage)} used of {member.storageQuota ? formatBytes(member.storageQuota) : 'no set quota'}
            </dd>
          </dl>
        </>
      )}
      <section aria-labelledby="profile-groups">
        <h3 id="profile-groups">Groups</h3>
        {memberOf.length ? (
          <ul>
            {memberOf.map((g, i) => (
              <li key={g.id ?? i}>{g.title ?? g.id}</li>
            ))}
          </ul>
        ) : (
          <p>{member ? 'Not a member of any group.' : '…'}</p>
        )}
      </section>
      <section aria-labelledby="profile-content">
        <h3 id="profile-content">Content</h3>
        <ul className="member-dialog__members">
          <OwnershipSummary member={summary} ownership={ownership} defaultOpen />
        </ul>
      </section>
      {session.isFullAdmin && <ProfileChanges query={changes} names={{ roles, userTypes }} />}
      <div className="member-dialog__buttons">
        <Button className="button" onPress={onClose}>Close</Button>
      </div>
    </DialogFrame>
  )
}
