import { ArrowDownWideNarrow, ArrowUpNarrowWide } from '../../../lib/icons.ts'
import { SORT_FIELDS, type SortField } from '../api/search-view.ts'
import { SORT_LABELS } from './member-labels.ts'

interface SortControlsProps {
  sort: SortField
  order: 'asc' | 'desc'
  onChange: (changes: { sort?: SortField; order?: 'asc' | 'desc' }) => void
}

/** "Sort by" plus a pressed/unpressed pair for the direction. */
export function SortControls({ sort, order, onChange }: SortControlsProps) {
  return (
    <div className="sort-controls">
      <label className="select-field">
        <span className="select-label">Sort by</span>
        <select value={sort} onChange={(event) => onChange({ sort: event.target.value as SortField })}>
          {SORT_FIELDS.map((field) => (
            <option key={field} value={field}>
              {SORT_LABELS[field]}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="segmented">
        <legend className="visually-hidden">Sort order</legend>
        <button
          type="button"
          className="button button-icon"
          aria-label="Sort ascending"
          title="Sort ascending"
          aria-pressed={order === 'asc'}
          onClick={() => onChange({ order: 'asc' })}
        >
          <ArrowUpNarrowWide aria-hidden="true" size={16} />
        </button>
        <button
          type="button"
          className="button button-icon"
          aria-label="Sort descending"
          title="Sort descending"
          aria-pressed={order === 'desc'}
          onClick={() => onChange({ order: 'desc' })}
        >
          <ArrowDownWideNarrow aria-hidden="true" size={16} />
        </button>
      </fieldset>
    </div>
  )
}
