import { Search } from 'lucide-react'
import { useEffect, useRef, useState } from 'react'
import { SEARCH_SCOPES, type SearchScope } from '../api/search-view.ts'
import { SCOPE_LABELS } from './member-labels.ts'

/**
 * How long typing must pause before the list follows: one request per burst of
 * keystrokes. It is spent before every update (quality.md: last keystroke to
 * rows in ≤ 250 ms), so it stays short; keys come every 30–120 ms while a
 * word is being typed, and a stale answer never replaces a newer one.
 */
export const SEARCH_DEBOUNCE_MS = 150

interface SearchBoxProps {
  text: string
  scope: SearchScope
  onSearch: (text: string) => void
  onScopeChange: (scope: SearchScope) => void
}

/** The search box follows the URL (Back, pasted links) and writes to it once typing pauses. */
export function SearchBox({ text, scope, onSearch, onScopeChange }: SearchBoxProps) {
  const [draft, setDraft] = useState(text)
  const committed = useRef(text)

  // The URL changed from elsewhere (Back, "Clear"): show it, unless it is just our own commit.
  useEffect(() => {
    if (text !== committed.current) {
      committed.current = text
      setDraft(text)
    }
  }, [text])

  useEffect(() => {
    if (draft === committed.current) return
    const timer = window.setTimeout(() => {
      committed.current = draft
      onSearch(draft)
    }, SEARCH_DEBOUNCE_MS)
    return () => window.clearTimeout(timer)
  }, [draft, onSearch])

  return (
    <search className="search-box">
      <label className="search-field">
        <Search aria-hidden="true" size={16} />
        <input
          type="search"
          aria-label="Search members"
          placeholder="Search members"
          value={draft}
          maxLength={200}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            // Enter searches at once instead of waiting for the pause.
            if (event.key === 'Enter' && draft !== committed.current) {
              committed.current = draft
              onSearch(draft)
            }
          }}
        />
      </label>
      <label className="select-field">
        <span className="select-label">Search in</span>
        <select value={scope} onChange={(event) => onScopeChange(event.target.value as SearchScope)}>
          {SEARCH_SCOPES.map((value) => (
            <option key={value} value={value}>
              {SCOPE_LABELS[value]}
            </option>
          ))}
        </select>
      </label>
    </search>
  )
}
