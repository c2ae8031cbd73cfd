import type { UseQueryResult } from '@tanstack/react-query'
import { PortalRequestError } from '../../../lib/portal-client.ts'
import type { AuditLogEntry } from '../api/get-audit-log.ts'
import { type ChangeNames, describeChange, formatWhen, operationLabel } from './profile-format.ts'

/** The newest changes made to the member, from the audit log (full administrators only). */
export function ProfileChanges({ query, names }: { query: UseQueryResult<{ total: number; entries: AuditLogEntry[] }>; names?: ChangeNames }) {
  return (
    <section aria-labelledby="profile-changes">
      <h3 id="profile-changes">Recent changes</h3>
      {query.error &&
        (query.error instanceof PortalRequestError && query.error.isNoSuchOperation ? (
          // A real ArcGIS portal: the audit log is this project's extension (docs/api-extensions.md §5).
          <p>This portal keeps no change history the console can read.</p>
        ) : (
          <p>The change history could not be loaded: {query.error.message}</p>
        ))}
      {query.data && query.data.entries.length === 0 && <p>No changes recorded.</p>}
      {query.data && query.data.entries.length > 0 && (
        <ol className="profile__changes">
          {query.data.entries.map((entry) => {
            const change = describeChange(entry.before, entry.after, names)
            return (
              <li key={entry.id}>
                <strong>{operationLabel(entry.operation)}</strong> by {entry.actor}, {formatWhen(entry.at)}
                {entry.outcome === 'failure' ? ` — refused (${entry.messageCode ?? 'error'})` : ''}
                {change && <div className="profile__change">{change}</div>}
              </li>
            )
          })}
        </ol>
      )}
    </section>
  )
}
