import { useQuery } from '@tanstack/react-query'
import { roleNameOf, userTypeNameOf } from '../domain/member-facts.ts'
import { X } from '../../../lib/icons.ts'
import { memberQueries } from '../api/member-queries.ts'
import { hasFilters, type MembersView } from '../api/search-view.ts'
import { LAST_SIGN_IN_LABELS, LOGIN_TYPE_LABELS, MFA_LABELS, STATUS_LABELS } from './member-labels.ts'

interface Chip {
  key: string
  label: string
  value: string
  remove: Partial<MembersView>
}

interface FilterChipsProps {
  view: MembersView
  setView: (changes: Partial<MembersView>) => void
  clearFilters: () => void
}

/** One removable chip per active filter value, and "Clear all filters". */
export function FilterChips({ view, setView, clearFilters }: FilterChipsProps) {
  const roles = useQuery(memberQueries.roles()).data
  const userTypes = useQuery(memberQueries.userTypes()).data
  if (!hasFilters(view)) return null

  const roleName = (id: string) => roleNameOf({ role: id }, roles ?? [])
  const typeName = (id: string) => userTypeNameOf(id, userTypes ?? [])
  const chips: Chip[] = [
    ...view.role.map((id) => ({ key: `role-${id}`, label: 'Role', value: roleName(id), remove: { role: view.role.filter((r) => r !== id) } })),
    ...view.type.map((id) => ({ key: `type-${id}`, label: 'User type', value: typeName(id), remove: { type: view.type.filter((t) => t !== id) } })),
    ...(view.status ? [{ key: 'status', label: 'Status', value: STATUS_LABELS[view.status], remove: { status: undefined } }] : []),
    ...(view.signin ? [{ key: 'signin', label: 'Last sign-in', value: LAST_SIGN_IN_LABELS[view.signin], remove: { signin: undefined } }] : []),
    ...view.login.map((id) => ({ key: `login-${id}`, label: 'Login type', value: LOGIN_TYPE_LABELS[id], remove: { login: view.login.filter((l) => l !== id) } })),
    ...(view.mfa ? [{ key: 'mfa', label: 'MFA', value: MFA_LABELS[view.mfa], remove: { mfa: undefined } }] : []),
  ]

  return (
    <ul className="filter-chips" aria-label="Active filters">
      {chips.map((chip) => (
        <li key={chip.key}>
          <button
            type="button"
            className="chip"
            aria-label={`Remove filter ${chip.label}: ${chip.value}`}
            onClick={() => setView(chip.remove)}
          >
            <span>
              {chip.label}: <strong>{chip.value}</strong>
            </span>
            <X aria-hidden="true" size={14} />
          </button>
        </li>
      ))}
      <li>
        <button type="button" className="button button-link" onClick={clearFilters}>
          Clear all filters
        </button>
      </li>
    </ul>
  )
}
