import { useQuery } from '@tanstack/react-query'
import { useLayoutEffect, useRef } from 'react'
import { focusIsLost } from '../../../lib/focus.ts'
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

/** The filter bar's button for a filter ("Role", "User type", …), where choosing that filter starts. */
const filterButton = (label: string) => document.querySelector<HTMLElement>(`.filter-bar button[aria-label="${CSS.escape(label)}"]`)

/**
 * One removable chip per active filter value, and "Clear all filters". A removed chip takes focus with
 * it: focus goes to the chip now in its place, else the one before, else (no filter left) the filter's
 * own button; after "Clear all filters", to the first filter button. Not to the page's body, which
 * would send a keyboard user back to the top.
 */
export function FilterChips({ view, setView, clearFilters }: FilterChipsProps) {
  const roles = useQuery(memberQueries.roles()).data
  const userTypes = useQuery(memberQueries.userTypes()).data
  const list = useRef<HTMLUListElement>(null)
  const focusAfterRemoval = useRef<{ index: number; label: string; from: MembersView } | null>(null)
  // After every render: the removal shows once the URL's new view has rendered; then, once only.
  useLayoutEffect(() => {
    const removed = focusAfterRemoval.current
    if (!removed || removed.from === view) return
    focusAfterRemoval.current = null
    if (!focusIsLost()) return
    const chips = [...(list.current?.querySelectorAll<HTMLElement>('button.chip') ?? [])]
    ;(chips[removed.index] ?? chips.at(-1) ?? filterButton(removed.label))?.focus()
  })
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
    <ul ref={list} className="filter-chips" aria-label="Active filters">
      {chips.map((chip, index) => (
        <li key={chip.key}>
          <button
            type="button"
            className="chip"
            aria-label={`Remove filter ${chip.label}: ${chip.value}`}
            onClick={() => {
              focusAfterRemoval.current = { index, label: chip.label, from: view }
              setView(chip.remove)
            }}
          >
            <span>
              {chip.label}: <strong>{chip.value}</strong>
            </span>
            <X aria-hidden="true" size={14} />
          </button>
        </li>
      ))}
      <li>
        <button
          type="button"
          className="button button-link"
          onClick={() => {
            focusAfterRemoval.current = { index: -1, label: chips[0]!.label, from: view }
            clearFilters()
          }}
        >
          Clear all filters
        </button>
      </li>
    </ul>
  )
}
