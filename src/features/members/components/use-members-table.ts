import { type PaginationState, type SortingState, type Updater, useTable } from '@tanstack/react-table'
import { useMemo } from 'react'
import { MAX_PAGEABLE } from '../api/search-members.ts'
import type { MembersView, SortField } from '../api/search-view.ts'
import type { Member, MemberSearchResponse } from '../types.ts'
import { memberColumns, memberTableFeatures, SORTABLE_COLUMNS } from './member-columns.tsx'

const NO_MEMBERS: Member[] = []

function resolve<T>(updater: Updater<T>, current: T): T {
  return typeof updater === 'function' ? (updater as (old: T) => T)(current) : updater
}

/**
 * The server-driven table: sorting and paging state come from the URL view and
 * changes go back to it; the rows are the portal's page as is.
 */
export function useMembersTable(view: MembersView, setView: (changes: Partial<MembersView>) => void, data?: MemberSearchResponse) {
  const sorting = useMemo<SortingState>(
    () => (SORTABLE_COLUMNS.has(view.sort) ? [{ id: view.sort, desc: view.order === 'desc' }] : []),
    [view.sort, view.order],
  )
  const pagination = useMemo<PaginationState>(() => ({ pageIndex: view.page - 1, pageSize: view.size }), [view.page, view.size])

  return useTable({
    features: memberTableFeatures,
    columns: memberColumns,
    data: data?.results ?? NO_MEMBERS,
    getRowId: (member) => member.username,
    // Only the first 10,000 hits can be paged to (portal-api.md §4).
    rowCount: data ? Math.min(data.total, MAX_PAGEABLE) : undefined,
    manualSorting: true,
    manualPagination: true,
    autoResetPageIndex: false,
    enableSortingRemoval: false,
    enableMultiSort: false,
    state: { sorting, pagination },
    onSortingChange: (updater) => {
      const [next] = resolve(updater, sorting)
      if (next) setView({ sort: next.id as SortField, order: next.desc ? 'desc' : 'asc' })
    },
    onPaginationChange: (updater) => {
      const next = resolve(updater, pagination)
      // A new page size keeps the place: the page shown is the one holding the first row shown before.
      if (next.pageSize !== view.size)
        setView({ size: next.pageSize as MembersView['size'], page: Math.floor(((view.page - 1) * view.size) / next.pageSize) + 1 })
      else setView({ page: next.pageIndex + 1 })
    },
  })
}

export type MembersTable = ReturnType<typeof useMembersTable>
export type MemberRow = ReturnType<MembersTable['getRowModel']>['rows'][number]
