import { useId } from 'react'
import { useSession } from '../../../lib/session.tsx'
import { type MemberDialogKind, useMemberDialogs } from '../dialogs/member-dialogs-host.tsx'
import { PRIVILEGE } from '../domain/member-facts.ts'
import { useMemberSelection } from '../hooks/use-member-selection.ts'
import type { MemberSearchParams } from '../api/search-query.ts'
import { BulkExport } from './bulk-export.tsx'
import { BulkResults } from './bulk-results.tsx'
import './selection.css'

const BULK_ACTIONS: { kind: MemberDialogKind; label: string; privilege: string }[] = [
  { kind: 'changeRole', label: 'Change role', privilege: PRIVILEGE.changeUserRoles },
  { kind: 'userType', label: 'Manage user types', privilege: PRIVILEGE.manageLicenses },
  { kind: 'disable', label: 'Disable', privilege: PRIVILEGE.disableUsers },
  { kind: 'enable', label: 'Enable', privilege: PRIVILEGE.disableUsers },
  { kind: 'delete', label: 'Delete', privilege: PRIVILEGE.deleteUsers },
]

/**
 * Actions on the selection (never on the rows on screen: architecture.md
 * convention 5), each shown only with its privilege; then export and the last
 * run's results.
 */
/** `viewParams`: what the page's list sends, so "Export CSV" exports exactly the view on screen. */
export function BulkActions({ viewParams }: { viewParams: MemberSearchParams }) {
  const session = useSession()
  const selection = useMemberSelection()
  const dialogs = useMemberDialogs()
  const offered = BULK_ACTIONS.filter((a) => session.privileges.has(a.privilege))
  const empty = selection.count === 0
  const hintId = useId()
  return (
    <div className="bulk-actions">
      <div className="bulk-actions__buttons">
        {offered.map((action) => (
          // aria-disabled, not disabled: a button that just finished a run keeps the focus even when the selection emptied.
          <button
            type="button"
            key={action.kind}
            className={action.kind === 'delete' ? 'button button-danger-quiet' : 'button'}
            aria-disabled={empty || undefined}
            aria-describedby={empty ? hintId : undefined}
            onPointerEnter={() => dialogs.preload(action.kind)}
            onFocus={() => dialogs.preload(action.kind)}
            onClick={() => {
              if (!empty) dialogs.open(action.kind, selection.members)
            }}
          >
            {action.label}
          </button>
        ))}
        {empty && offered.length > 0 && (
          <span id={hintId} className="visually-hidden">
            Select members first.
          </span>
        )}
        <BulkExport viewParams={viewParams} />
      </div>
      <BulkResults />
    </div>
  )
}
