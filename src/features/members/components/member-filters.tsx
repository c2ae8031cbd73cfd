import { useQuery } from '@tanstack/react-query'
import { memberQueries } from '../api/member-queries.ts'
import {
  LAST_SIGN_IN_VALUES,
  LOGIN_TYPES,
  type LoginType,
  MFA_VALUES,
  type MembersView,
  STATUS_VALUES,
} from '../api/search-view.ts'
import { FilterMenu, type FilterOption } from './filter-menu.tsx'
import { LAST_SIGN_IN_LABELS, LOGIN_TYPE_LABELS, MFA_LABELS, STATUS_LABELS } from './member-labels.ts'

const SOCIAL = ['google', 'github', 'apple', 'facebook']

interface MemberFiltersProps {
  view: MembersView
  setView: (changes: Partial<MembersView>) => void
}

/** Role, User type, Status, Last sign-in, Login type, MFA: each a menu, counts where the portal gives them. */
export function MemberFilters({ view, setView }: MemberFiltersProps) {
  const roles = useQuery(memberQueries.roles())
  const userTypes = useQuery(memberQueries.userTypes())
  const roleCounts = useQuery(memberQueries.counts('role')).data
  const typeCounts = useQuery(memberQueries.counts('userLicenseType')).data
  const providerCounts = useQuery(memberQueries.counts('provider')).data
  const statusCounts = useQuery(memberQueries.counts('status')).data

  const roleOptions: FilterOption[] = (roles.data ?? []).map((r) => ({ id: r.id, label: r.name, count: roleCounts?.get(r.id) }))
  const typeOptions: FilterOption[] = (userTypes.data ?? []).map((t) => ({ id: t.id, label: t.name, count: typeCounts?.get(t.id) }))
  const loginCount = (type: LoginType) => {
    if (!providerCounts) return undefined
    const keys = type === 'social' ? SOCIAL : [type]
    return keys.reduce((sum, key) => sum + (providerCounts.get(key) ?? 0), 0)
  }
  const placeholder = (failed: boolean) => (failed ? 'Could not load the options' : 'Loading…')

  return (
    <fieldset className="filter-bar">
      <legend className="visually-hidden">Filters</legend>
      <FilterMenu
        label="Role"
        multiple
        options={roleOptions}
        placeholder={placeholder(roles.isError)}
        selected={view.role}
        onChange={(role) => setView({ role })}
      />
      <FilterMenu
        label="User type"
        multiple
        options={typeOptions}
        placeholder={placeholder(userTypes.isError)}
        selected={view.type}
        onChange={(type) => setView({ type })}
      />
      <FilterMenu
        label="Status"
        multiple={false}
        options={STATUS_VALUES.map((id) => ({ id, label: STATUS_LABELS[id], count: statusCounts?.get(id) }))}
        selected={view.status ? [view.status] : []}
        onChange={([status]) => setView({ status: status as MembersView['status'] })}
      />
      <FilterMenu
        label="Last sign-in"
        multiple={false}
        options={LAST_SIGN_IN_VALUES.map((id) => ({ id, label: LAST_SIGN_IN_LABELS[id] }))}
        selected={view.signin ? [view.signin] : []}
        onChange={([signin]) => setView({ signin: signin as MembersView['signin'] })}
      />
      <FilterMenu
        label="Login type"
        multiple
        options={LOGIN_TYPES.map((id) => ({ id, label: LOGIN_TYPE_LABELS[id], count: loginCount(id) }))}
        selected={view.login}
        onChange={(login) => setView({ login: login as LoginType[] })}
      />
      <FilterMenu
        label="MFA"
        multiple={false}
        options={MFA_VALUES.map((id) => ({ id, label: MFA_LABELS[id] }))}
        selected={view.mfa ? [view.mfa] : []}
        onChange={([mfa]) => setView({ mfa: mfa as MembersView['mfa'] })}
      />
    </fieldset>
  )
}
