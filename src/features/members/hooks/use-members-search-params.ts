import { useCallback, useEffect, useMemo } from 'react'
import { useSearchParams } from 'react-router'
import { DEFAULT_VIEW, FILTER_KEYS, type MembersView, parseView, serializeView, viewSchema } from '../api/search-view.ts'

export interface SetViewOptions {
  /** Replace the history entry instead of adding one (typing in the search box). */
  replace?: boolean
}

const VIEW_KEYS = new Set(Object.keys(viewSchema.shape))

/**
 * The Members list view, read from and written to the URL. Bad values read as
 * defaults; defaults are left out when writing; any change other than the page
 * itself goes back to page 1. URL params that are not part of the view (e.g.
 * an open profile) are kept as they are.
 */
export function useMembersSearchParams() {
  const [searchParams, setSearchParams] = useSearchParams()
  const view = useMemo(() => parseView(searchParams), [searchParams])

  const setView = useCallback(
    (changes: Partial<MembersView>, options: SetViewOptions = {}) => {
      setSearchParams(
        (previous) => {
          const current = parseView(previous)
          const next: MembersView = { ...current, ...changes }
          if (!('page' in changes) || Object.keys(changes).length > 1) next.page = changes.page ?? 1
          const params = serializeView(next)
          for (const [key, value] of previous) if (!VIEW_KEYS.has(key)) params.append(key, value)
          return params
        },
        { replace: options.replace },
      )
    },
    [setSearchParams],
  )

  // A link with values the view cannot take (?page=2.5, ?sort=bogus, a 300-character q) shows defaults: the URL
  // then says what is shown, in place, so a copied link or a reload does not carry the bad value on.
  useEffect(() => {
    const shown = serializeView(view)
    if ([...VIEW_KEYS].some((key) => searchParams.get(key) !== shown.get(key))) setView({ page: view.page }, { replace: true })
  }, [view, searchParams, setView])

  /** Drops every filter (and applies `also`, e.g. `{ q: '' }`) in one history entry. */
  const clearFilters = useCallback(
    (also: Partial<MembersView> = {}) => {
      const cleared: Partial<MembersView> = {}
      for (const key of FILTER_KEYS) (cleared as Record<string, unknown>)[key] = DEFAULT_VIEW[key]
      setView({ ...cleared, ...also })
    },
    [setView],
  )

  return { view, setView, clearFilters }
}
