import './members-page.css'
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useLayoutEffect, useMemo } from 'react'
import { endFirstScreen } from '../../../first-screen/show-first-screen.ts'
import { MinuteClock } from '../../../lib/clock.tsx'
import { formatNumber } from '../../../lib/format.ts'
import { memberQueries } from '../api/member-queries.ts'
import { buildMemberSearchParams, stableNow } from '../api/search-query.ts'
import { MAX_PAGEABLE } from '../api/search-members.ts'
import { hasFilters, type MembersView } from '../api/search-view.ts'
import { useListRequestGate } from '../hooks/use-list-request-gate.ts'
import { MemberSelectionProvider } from '../hooks/use-member-selection.ts'
import { useMembersSearchParams } from '../hooks/use-members-search-params.ts'
import { BulkActions } from './bulk-actions.tsx'
import { FilterChips } from './filter-chips.tsx'
import { MemberFilters } from './member-filters.tsx'
import { MembersPagination } from './members-pagination.tsx'
import { MemberRowsProvider } from './member-rows-context.tsx'
import { MembersTable } from './members-table.tsx'
import { SearchBox } from './search-box.tsx'
import { SelectionMenu } from './selection-menu.tsx'
import { SortControls } from './sort-controls.tsx'
import { useMembersTable } from './use-members-table.ts'

export function MembersPage() {
  return (
    <MemberSelectionProvider>
      <MembersList />
    </MemberSelectionProvider>
  )
}

function MembersList() {
  const { view, setView, clearFilters } = useMembersSearchParams()
  // The clock is read when the view changes, so "within 7 days" keeps one cache key while you look.
  const params = useMemo(() => buildMemberSearchParams(view, stableNow()), [view])
  const list = useQuery({ ...memberQueries.list(params), placeholderData: keepPreviousData })
  // After useQuery (see the hook): one list request in flight while someone types.
  const gate = useListRequestGate(view.q, params)
  const table = useMembersTable(view, setView, list.data)
  // Only this view's own total says whether a next page exists: the previous view's rows,
  // kept on screen while this one loads, would prefetch a page that may not exist.
  usePrefetchNextPage(params, list.isPlaceholderData ? undefined : list.data?.total, gate.isQuiet)
  useStayInRange(view, list.isPlaceholderData ? undefined : list.data, setView)
  useDropUnknownFilterIds(view, setView)
  // The server's first screen stays until this page has its own rows (or their error) to show instead.
  useLayoutEffect(() => {
    if (!list.isPending) endFirstScreen()
  }, [list.isPending])

  // Starting a search adds a history entry (Back returns to the list before it); refining it replaces that entry.
  const { markSearchSent } = gate
  const onSearch = useCallback(
    (q: string) => {
      if (q !== view.q) markSearchSent()
      setView({ q }, { replace: view.q !== '' && q !== '' })
    },
    [setView, view.q, markSearchSent],
  )
  const canClear = view.q !== '' || hasFilters(view)
  const clearAll = () => clearFilters({ q: '' })

  return (
    <div className="members-page">
      <div className="page-heading">
        <h1>Members</h1>
        {list.data && (
          <span className="page-count">
            {formatNumber(list.data.total)} {list.data.total === 1 ? 'member' : 'members'}
          </span>
        )}
      </div>
      <div className="toolbar">
        <SearchBox
          text={view.q}
          scope={view.in}
          searching={gate.searching}
          isSearching={gate.isSearching}
          onSearch={onSearch}
          onDraftChange={gate.onDraftChange}
          onScopeChange={(scope) => setView({ in: scope })}
        />
        <MemberFilters view={view} setView={setView} />
        <SortControls sort={view.sort} order={view.order} onChange={(changes) => setView(changes)} />
      </div>
      <FilterChips view={view} setView={setView} clearFilters={() => clearFilters()} />
      <div className="selection-bar">
        <SelectionMenu />
        <BulkActions viewParams={params} />
      </div>
      <div className="progress-slot">{list.isFetching && <div className="progress-bar" role="progressbar" aria-label="Loading members" />}</div>
      <MemberRowsProvider pageKey={JSON.stringify(params)}>
        <MinuteClock>
          <MembersTable
            table={table}
            status={{
              isPending: list.isPending,
              isStale: list.isPlaceholderData,
              error: list.isError ? list.error : null,
              onRetry: () => void list.refetch(),
              onClear: canClear ? clearAll : undefined,
            }}
          />
        </MinuteClock>
      </MemberRowsProvider>
      <MembersPagination table={table} total={list.data?.total} shown={list.data?.results.length ?? 0} />
    </div>
  )
}

/**
 * How long a page must stay on screen before its next page is fetched, and how
 * often to look again while it cannot be. While someone types, each answer is
 * followed at once by the next search, and the page 2 of a half-typed term
 * would only compete with it.
 */
const PREFETCH_AFTER_MS = 200

/**
 * Fetches the next page in the background so "Next page" shows it at once.
 * `isQuiet` is read when the timer fires, not when it is set: typing or a
 * request that started in between makes it wait.
 */
function usePrefetchNextPage(params: ReturnType<typeof buildMemberSearchParams>, total: number | undefined, isQuiet: () => boolean) {
  const queryClient = useQueryClient()
  useEffect(() => {
    const nextStart = params.start + params.num
    if (total === undefined || nextStart > Math.min(total, MAX_PAGEABLE)) return
    let timer = 0
    const prefetchWhenQuiet = () => {
      if (isQuiet()) void queryClient.prefetchQuery(memberQueries.list({ ...params, start: nextStart }))
      else timer = window.setTimeout(prefetchWhenQuiet, PREFETCH_AFTER_MS)
    }
    timer = window.setTimeout(prefetchWhenQuiet, PREFETCH_AFTER_MS)
    return () => window.clearTimeout(timer)
  }, [queryClient, params, total, isQuiet])
}

/** A stale link (page 40 of what is now 3 pages) lands on the last page instead of an empty one. */
function useStayInRange(view: MembersView, data: { total: number; results: unknown[] } | undefined, setView: ReturnType<typeof useMembersSearchParams>['setView']) {
  useEffect(() => {
    if (!data || data.results.length > 0 || data.total === 0 || view.page === 1) return
    const lastPage = Math.max(1, Math.ceil(Math.min(data.total, MAX_PAGEABLE) / view.size))
    if (lastPage < view.page) setView({ page: lastPage }, { replace: true })
  }, [data, view.page, view.size, setView])
}

/**
 * A role or user type the portal no longer has (a link from before it was
 * deleted) is dropped from the view like any other bad URL value, instead of
 * filtering on a raw id and showing "No members match".
 */
function useDropUnknownFilterIds(view: MembersView, setView: ReturnType<typeof useMembersSearchParams>['setView']) {
  const roles = useQuery(memberQueries.roles()).data
  const userTypes = useQuery(memberQueries.userTypes()).data
  useEffect(() => {
    const knownOnly = (ids: string[], known: { id: string }[] | undefined) => {
      if (!known) return ids
      const knownIds = new Set(known.map((k) => k.id.toLowerCase()))
      return ids.filter((id) => knownIds.has(id.toLowerCase()))
    }
    const role = knownOnly(view.role, roles)
    const type = knownOnly(view.type, userTypes)
    if (role.length !== view.role.length || type.length !== view.type.length) setView({ role, type }, { replace: true })
  }, [roles, userTypes, view.role, view.type, setView])
}

