import './members-table.css'
import { ArrowDown, ArrowUp, ArrowUpDown } from '../../../lib/icons.ts'
import { memo } from 'react'
import type { MembersTable as Table, MemberRow as Row } from './use-members-table.ts'

export interface ListStatus {
  /** No page to show yet (first load). */
  isPending: boolean
  /** Rows on screen are the previous view's, while the new one loads. */
  isStale: boolean
  error: Error | null
  onRetry: () => void
  /** Offered when nothing matches and there is something to clear. */
  onClear?: () => void
}

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const

/** The Members table: server-sorted, server-paged; loading, empty and error states keep its size. */
export function MembersTable({ table, status }: { table: Table; status: ListStatus }) {
  const columnCount = table.getAllLeafColumns().length
  const rows = table.getRowModel().rows
  const pageSize = table.state.pagination.pageSize

  return (
    <div className="table-scroll">
      {/* Focusable from script only: where focus goes when the member it was on leaves the page (use-focus-follows-member.ts). */}
      <table className="members-table" aria-label="Members" aria-busy={status.isPending || status.isStale} tabIndex={-1}>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const canSort = header.column.getCanSort()
                const sorted = header.column.getIsSorted()
                const SortIcon = sorted === 'asc' ? ArrowUp : sorted === 'desc' ? ArrowDown : ArrowUpDown
                return (
                  <th key={header.id} scope="col" className={`col-${header.column.id}`} aria-sort={canSort ? (sorted ? ARIA_SORT[sorted] : 'none') : undefined}>
                    {canSort ? (
                      <button type="button" className="sort-header" onClick={header.column.getToggleSortingHandler()}>
                        <table.FlexRender header={header} />
                        <SortIcon aria-hidden="true" size={14} data-active={sorted ? true : undefined} />
                      </button>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                )
              })}
            </tr>
          ))}
        </thead>
        <tbody className={status.isStale ? 'is-stale' : undefined}>
          {status.error ? (
            <MessageRow columns={columnCount}>
              <div role="alert">
                <p className="message-title">Could not load members.</p>
                <p>{status.error.message}</p>
                <button type="button" className="button button-primary" onClick={status.onRetry}>
                  Retry
                </button>
              </div>
            </MessageRow>
          ) : status.isPending ? (
            Array.from({ length: Math.min(pageSize, 25) }, (_, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows have no identity
              <tr key={index} className="skeleton-row">
                <td colSpan={columnCount}>
                  <span className="skeleton" aria-hidden="true" />
                </td>
              </tr>
            ))
          ) : rows.length === 0 ? (
            <MessageRow columns={columnCount}>
              <p className="message-title">No members match</p>
              {status.onClear && (
                <button type="button" className="button" onClick={status.onClear}>
                  Clear search and filters
                </button>
              )}
            </MessageRow>
          ) : (
            rows.map((row, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: by position on purpose, see MemberRow
              <MemberRow key={index} row={row} FlexRender={table.FlexRender} />
            ))
          )}
        </tbody>
      </table>
    </div>
  )
}

/**
 * Rows are kept by position, so "Next page" rewrites the text of 25 rows
 * instead of building 25 new ones (most of its time, bench/README.md). What a
 * person may be in the middle of never carries over to the next member: an
 * open actions menu closes (MenuButton's `subject`), and focus on a checkbox
 * or role dropdown follows its member (useFocusFollowsMember). Memoized: the
 * page's other updates (progress, counts, selection bar) leave rows whose
 * member is unchanged alone.
 */
const MemberRow = memo(function MemberRow({ row, FlexRender }: { row: Row; FlexRender: Table['FlexRender'] }) {
  return (
    <tr>
      {row.getAllCells().map((cell) => (
        <td key={cell.column.id} className={`col-${cell.column.id}`}>
          <FlexRender cell={cell} />
        </td>
      ))}
    </tr>
  )
})

function MessageRow({ columns, children }: { columns: number; children: React.ReactNode }) {
  return (
    <tr className="message-row">
      <td colSpan={columns}>
        <div className="message">{children}</div>
      </td>
    </tr>
  )
}
