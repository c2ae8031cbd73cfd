import { ChevronFirst, ChevronLast, ChevronLeft, ChevronRight } from '../../../lib/icons.ts'
import { formatRange } from '../../../lib/format.ts'
import { PAGE_SIZES } from '../api/search-view.ts'
import type { MembersTable } from './use-members-table.ts'

/** "1–25 of 2,431", rows per page, first/previous/next/last. */
export function MembersPagination({ table, total, shown }: { table: MembersTable; total?: number; shown: number }) {
  const { pageIndex, pageSize } = table.state.pagination
  const known = total !== undefined
  const canPrevious = known && table.getCanPreviousPage()
  const canNext = known && table.getCanNextPage()
  return (
    <nav className="pagination" aria-label="Pagination">
      <label className="select-field">
        <span className="select-label">Rows per page</span>
        <select value={pageSize} onChange={(event) => table.setPageSize(Number(event.target.value))}>
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </label>
      {/* Read out after each search, filter or page: a sentence, not a bare range ("1–2 of 2 members"). */}
      <output className="pagination-range" aria-live="polite">
        {known ? formatRange(pageIndex * pageSize + 1, shown, total) : '\u00a0'}
        {known && <span className="visually-hidden">{total === 0 ? ': no members match' : total === 1 ? ' member' : ' members'}</span>}
      </output>
      <div className="pagination-buttons">
        <PageButton label="First page" disabled={!canPrevious} onClick={() => table.firstPage()} Icon={ChevronFirst} />
        <PageButton label="Previous page" disabled={!canPrevious} onClick={() => table.previousPage()} Icon={ChevronLeft} />
        <PageButton label="Next page" disabled={!canNext} onClick={() => table.nextPage()} Icon={ChevronRight} />
        <PageButton label="Last page" disabled={!canNext} onClick={() => table.lastPage()} Icon={ChevronLast} />
      </div>
    </nav>
  )
}

function PageButton(props: { label: string; disabled: boolean; onClick: () => void; Icon: typeof ChevronFirst }) {
  const { label, disabled, onClick, Icon } = props
  return (
    // aria-disabled, not disabled: the button keeps focus when paging reaches the first or last page.
    <button
      type="button"
      className="button button-icon"
      aria-label={label}
      title={label}
      aria-disabled={disabled || undefined}
      onClick={() => {
        if (!disabled) onClick()
      }}
    >
      <Icon aria-hidden="true" size={16} />
    </button>
  )
}
