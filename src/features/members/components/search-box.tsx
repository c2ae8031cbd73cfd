import { Search } from 'lucide-react'
import { useCallback, useEffect, useRef, useState } from 'react'
import { SEARCH_SCOPES, type SearchScope } from '../api/search-view.ts'
import { SCOPE_LABELS } from './member-labels.ts'

/**
 * How long typing must pause before the list follows. It is spent before every
 * update (quality.md: last keystroke to rows in ≤ 250 ms), so it is short: it
 * only skips the keys of a fast typist (30–60 ms apart). What keeps a burst
 * to one request in flight (members-console.md) is `searching`: while the
 * list's request is out, the box waits, and then sends only the latest text.
 */
export const SEARCH_PAUSE_MS = 70
/** Typing paused this long is searched even while a request is out: the box must not freeze behind a stuck one. */
const LONGEST_HOLD_MS = 2_000

interface SearchBoxProps {
  text: string
  scope: SearchScope
  /** A request for the list is in flight: hold the next search until it is answered. */
  searching: boolean
  onSearch: (text: string) => void
  onScopeChange: (scope: SearchScope) => void
}

/** The search box follows the URL (Back, pasted links) and writes to it once typing pauses. */
export function SearchBox({ text, scope, searching, onSearch, onScopeChange }: SearchBoxProps) {
  const [draft, setDraft] = useState(text)
  // What the box last sent, or what the URL brought.
  const [committed, setCommitted] = useState(text)
  const [urlText, setUrlText] = useState(text)
  const typedAt = useRef(0)
  // Enter was pressed while a request was out: send as soon as it is answered.
  const sendWhenFree = useRef(false)

  // The URL's text changed. From elsewhere (Back, "Clear"), the box shows it; our own search
  // coming back leaves what was typed since. Adjusted while rendering, so the effect below
  // never sees the new URL next to the old draft (it would send that draft again).
  if (text !== urlText) {
    setUrlText(text)
    if (text !== committed) {
      setCommitted(text)
      setDraft(text)
    }
  }

  const commit = useCallback(
    (value: string) => {
      sendWhenFree.current = false
      setCommitted(value)
      onSearch(value)
    },
    [onSearch],
  )

  useEffect(() => {
    if (draft === committed) return
    // After waiting for an answer, the pause may already be over.
    const sinceTyping = performance.now() - typedAt.current
    const wait = searching ? LONGEST_HOLD_MS - sinceTyping : sendWhenFree.current ? 0 : SEARCH_PAUSE_MS - sinceTyping
    const timer = window.setTimeout(() => commit(draft), Math.max(0, wait))
    return () => window.clearTimeout(timer)
  }, [draft, committed, searching, commit])

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
          onChange={(event) => {
            typedAt.current = performance.now()
            sendWhenFree.current = false
            setDraft(event.target.value)
          }}
          onKeyDown={(event) => {
            // Enter searches without waiting for the pause: at once, or as soon as the request out is answered.
            if (event.key !== 'Enter' || draft === committed) return
            if (searching) sendWhenFree.current = true
            else commit(draft)
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
