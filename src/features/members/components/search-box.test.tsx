import { act, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { MAX_SEARCH_LENGTH } from '../api/search-view.ts'
import { SEARCH_PAUSE_MS, SearchBox } from './search-box.tsx'

beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] }))
afterEach(() => vi.useRealTimers())

/**
 * `searching` is what the box was last told; `requestOut` is the truth it reads when
 * sending. They differ only between a request starting and the page re-rendering.
 */
function setup(searching: boolean) {
  const onSearch = vi.fn()
  const onDraftChange = vi.fn()
  let requestOut = searching
  // One function for the box's life, as the page gives it: a new one would re-run its effect by itself.
  const isSearching = () => requestOut
  const box = (busy: boolean, text = '') => (
    <SearchBox text={text} scope="all" searching={busy} isSearching={isSearching} onSearch={onSearch} onDraftChange={onDraftChange} onScopeChange={() => undefined} />
  )
  const view = render(box(searching))
  const input = screen.getByRole('searchbox', { name: 'Search members' })
  const type = (value: string) => fireEvent.change(input, { target: { value } })
  return {
    onSearch,
    onDraftChange,
    input,
    type,
    setSearching: (busy: boolean) => {
      requestOut = busy
      view.rerender(box(busy))
    },
    setRequestOutUnseen: (out: boolean) => (requestOut = out),
    showUrlText: (text: string) => view.rerender(box(requestOut, text)),
  }
}

describe('Search members box', () => {
  it('sends once typing pauses, only the latest text', () => {
    const { onSearch, type } = setup(false)
    type('lo')
    act(() => vi.advanceTimersByTime(SEARCH_PAUSE_MS - 10))
    type('lov')
    act(() => vi.advanceTimersByTime(SEARCH_PAUSE_MS - 10))
    expect(onSearch).not.toHaveBeenCalled()
    act(() => vi.advanceTimersByTime(20))
    expect(onSearch.mock.calls).toEqual([['lov']])
  })

  it('a request stuck for 2 s no longer holds the box', () => {
    const { onSearch, type } = setup(true)
    type('hopper')
    act(() => vi.advanceTimersByTime(1_900))
    expect(onSearch).not.toHaveBeenCalled()
    act(() => vi.advanceTimersByTime(200))
    expect(onSearch.mock.calls).toEqual([['hopper']])
  })

  it('says which searched words it could not search for (no letters or digits), and only those', () => {
    const { input, showUrlText } = setup(false)
    expect(input.getAttribute('aria-describedby')).toBeNull()
    showUrlText('% smith 🙂')
    expect(input).toHaveProperty('value', '% smith 🙂')
    expect(input.getAttribute('aria-describedby')).toBeTruthy()
    expect(document.getElementById(input.getAttribute('aria-describedby')!)?.textContent).toBe(
      '“%”, “🙂” were not searched for: searches match letters and digits only.',
    )
    showUrlText('smith')
    expect(input.getAttribute('aria-describedby')).toBeNull()
  })

  it('says query syntax is searched as plain text', () => {
    const { input, showUrlText } = setup(false)
    showUrlText('j?hn username:pat')
    expect(document.getElementById(input.getAttribute('aria-describedby')!)?.textContent).toBe(
      'The search is plain text: “?”, “:” have no special meaning here (every word matches from its start; use the filters and “Search in” to narrow).',
    )
  })

  it('says the box is full when the text reaches the longest search it takes', () => {
    const { input, type } = setup(false)
    expect(input.getAttribute('maxlength')).toBe(String(MAX_SEARCH_LENGTH))
    type('a'.repeat(MAX_SEARCH_LENGTH - 1))
    expect(input.getAttribute('aria-describedby')).toBeNull()
    type('a'.repeat(MAX_SEARCH_LENGTH))
    expect(document.getElementById(input.getAttribute('aria-describedby')!)?.textContent).toBe(
      `Searches are at most ${MAX_SEARCH_LENGTH} characters; the box takes no more.`,
    )
  })

  it('tells the page its text as typed, and the text a link or Back brought', () => {
    const { onDraftChange, type, showUrlText } = setup(false)
    type('lo')
    type('lov')
    showUrlText('hopper')
    expect(onDraftChange.mock.calls.map(([text]) => text)).toEqual(['', 'lo', 'lov', 'hopper'])
  })
})

/**
 * The box learns that a request is out in two ways: the page re-renders with
 * `searching`, or, for one that has just gone out (a prefetch on its own
 * timer), only by asking `isSearching` when it would send; it then looks again
 * every 100 ms. The hold must work either way.
 */
const WAYS_OF_KNOWING = [
  { way: 'told by the page', setOut: (box: ReturnType<typeof setup>, out: boolean) => box.setSearching(out), answerSeenAfter: 0 },
  { way: 'not yet told', setOut: (box: ReturnType<typeof setup>, out: boolean) => box.setRequestOutUnseen(out), answerSeenAfter: 100 },
]

describe.each(WAYS_OF_KNOWING)('Search members box, a request out and $way', ({ setOut, answerSeenAfter }) => {
  it('holds the next search, then sends only the latest text once it is answered', () => {
    const box = setup(false)
    setOut(box, true)
    box.type('ada')
    box.type('ada l')
    act(() => vi.advanceTimersByTime(SEARCH_PAUSE_MS + 500))
    expect(box.onSearch).not.toHaveBeenCalled()
    setOut(box, false)
    act(() => vi.advanceTimersByTime(answerSeenAfter))
    expect(box.onSearch.mock.calls).toEqual([['ada l']])
  })

  it('Enter sends as soon as the request is answered, not before', () => {
    const box = setup(false)
    setOut(box, true)
    box.type('grace')
    fireEvent.keyDown(box.input, { key: 'Enter' })
    expect(box.onSearch).not.toHaveBeenCalled()
    setOut(box, false)
    act(() => vi.advanceTimersByTime(answerSeenAfter))
    expect(box.onSearch.mock.calls).toEqual([['grace']])
  })
})
