import { Search } from '../../../lib/icons.ts'
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react'
import { typedSyntax, unsearchableWords } from '../api/search-query.ts'
import { MAX_SEARCH_LENGTH, SEARCH_SCOPES, type SearchScope } from '../api/search-view.ts'
import { SCOPE_LABELS } from './member-labels.ts'

/**
 * How long typing must pause before the list follows. It is spent before every
 * update (quality.md: last keystroke to rows in ≤ 250 ms), so it is short: it
 * only skips the keys of a fast typist (30–60 ms apart). What keeps a burst
 * to one request in flight (members-console.md) is the hold: while a request
 * for the list is out, the box waits, and then sends only the latest text.
 */
export const SEARCH_PAUSE_MS = 70
/** Typing paused this long is searched even while a request is out: the box must not freeze behind a stuck one. */
const LONGEST_HOLD_MS = 2_000
/** While held, how often the box looks again, in case it was not told that the request out was answered. */
const HOLD_RECHECK_MS = 100

interface SearchBoxProps {
  text: string
  scope: SearchScope
  /** A request for the list is in flight, as last rendered: when it turns false, the held search goes out at once. */
  searching: boolean
  /**
   * The same, read at the moment of sending: `searching` lags a request that has
   * just gone out (a page prefetch starts on its own timer) until the page renders,
   * and two requests would then be out at once.
   */
  isSearching: () => boolean
  onSearch: (text: string) => void
  /** The text in the box, searched or not: the page fetches nothing in the background while it is not the list's. */
  onDraftChange: (draft: string) => void
  onScopeChange: (scope: SearchScope) => void
}

/** The search box follows the URL (Back, pasted links) and writes to it once typing pauses. */
export function SearchBox({ text, scope, searching, isSearching, onSearch, onDraftChange, onScopeChange }: SearchBoxProps) {
  const [draft, setDraft] = useState(text)
  // What the box last sent, or what the URL brought.
  const [committed, setCommitted] = useState(text)
  const [urlText, setUrlText] = useState(text)
  const typedAt = useRef(0)
  // Enter was pressed while a request was out: send as soon as it is answered.
  const sendWhenFree = useRef(false)
  const hintId = useId()
  // Said of the text searched, not of the draft: "%" alone would otherwise look like a search that found everyone.
  const unsearched = unsearchableWords(text)
  const syntax = typedSyntax(text)
  // The box stops taking characters there (a paste is cut short): say so, or it looks like the keyboard failed.
  const atLimit = draft.length >= MAX_SEARCH_LENGTH
  const hint = [
    unsearched.length > 0 &&
      `${unsearched.map((word) => `“${word}”`).join(', ')} ${unsearched.length === 1 ? 'was' : 'were'} not searched for: searches match letters and digits only.`,
    syntax.length > 0 &&
      `The search is plain text: ${syntax.map((part) => `“${part}”`).join(', ')} ${syntax.length === 1 ? 'has' : 'have'} no special meaning here (every word matches from its start; use the filters and “Search in” to narrow).`,
    atLimit && `Searches are at most ${MAX_SEARCH_LENGTH} characters; the box takes no more.`,
  ]
    .filter(Boolean)
    .join(' ')

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

  // Before any timer can run, so the page never reads a draft older than the box.
  useLayoutEffect(() => {
    onDraftChange(draft)
  }, [draft, onDraftChange])

  useEffect(() => {
    if (draft === committed) return
    let timer = 0
    const sendWhenReady = () => {
      const sinceTyping = performance.now() - typedAt.current
      const paused = sendWhenFree.current || sinceTyping >= SEARCH_PAUSE_MS
      const held = sinceTyping < LONGEST_HOLD_MS && (searching || isSearching())
      if (paused && !held) return commit(draft)
      const wait = held ? Math.min(HOLD_RECHECK_MS, LONGEST_HOLD_MS - sinceTyping) : SEARCH_PAUSE_MS - sinceTyping
      timer = window.setTimeout(sendWhenReady, wait)
    }
    sendWhenReady()
    return () => window.clearTimeout(timer)
  }, [draft, committed, searching, isSearching, commit])

  return (
    <search className="search-box">
      <label className="search-field">
        <Search aria-hidden="true" size={16} />
        <input
          type="search"
          aria-label="Search members"
          placeholder="Search members"
          value={draft}
          maxLength={MAX_SEARCH_LENGTH}
          aria-describedby={hint ? hintId : undefined}
          onChange={(event) => {
            typedAt.current = performance.now()
            sendWhenFree.current = false
            setDraft(event.target.value)
          }}
          onKeyDown={(event) => {
            // Enter searches without waiting for the pause: at once, or as soon as the request out is answered.
            if (event.key !== 'Enter' || draft === committed) return
            if (searching || isSearching()) sendWhenFree.current = true
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
      {/* Always there, empty until needed: a status region that appears with its text is often not read out. */}
      <p id={hintId} className="search-hint" role="status">
        {hint}
      </p>
    </search>
  )
}
