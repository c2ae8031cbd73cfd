import { act, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
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

  it('holds the next search while a request is out, then sends only the latest text at once', () => {
    const { onSearch, type, setSearching } = setup(true)
    type('ada')
    type('ada l')
    act(() => vi.advanceTimersByTime(500))
    expect(onSearch).not.toHaveBeenCalled()
    setSearching(false)
    act(() => vi.advanceTimersByTime(0))
    expect(onSearch.mock.calls).toEqual([['ada l']])
  })

  it('Enter while a request is out sends as soon as it is answered, not before', () => {
    const { onSearch, type, input, setSearching } = setup(true)
    type('grace')
    fireEvent.keyDown(input, { key: 'Enter' })
    expect(onSearch).not.toHaveBeenCalled()
    setSearching(false)
    act(() => vi.advanceTimersByTime(0))
    expect(onSearch.mock.calls).toEqual([['grace']])
  })

  it('a request stuck for 2 s no longer holds the box', () => {
    const { onSearch, type } = setup(true)
    type('hopper')
    act(() => vi.advanceTimersByTime(1_900))
    expect(onSearch).not.toHaveBeenCalled()
    act(() => vi.advanceTimersByTime(200))
    expect(onSearch.mock.calls).toEqual([['hopper']])
  })

  it('holds a search when a request went out that it has not been told of yet, and sends once it is answered', () => {
    const { onSearch, type, setRequestOutUnseen } = setup(false)
    type('ada')
    // A page prefetch starts on its own timer; the page has not re-rendered with searching=true.
    setRequestOutUnseen(true)
    act(() => vi.advanceTimersByTime(SEARCH_PAUSE_MS + 200))
    expect(onSearch).not.toHaveBeenCalled()
    // Answered, and again the page has not re-rendered: the box finds out by looking again.
    setRequestOutUnseen(false)
    act(() => vi.advanceTimersByTime(100))
    expect(onSearch.mock.calls).toEqual([['ada']])
  })

  it('Enter holds too when a request is out that it has not been told of', () => {
    const { onSearch, type, input, setRequestOutUnseen } = setup(false)
    type('grace')
    setRequestOutUnseen(true)
    fireEvent.keyDown(input, { key: 'Enter' })
    expect(onSearch).not.toHaveBeenCalled()
    setRequestOutUnseen(false)
    act(() => vi.advanceTimersByTime(100))
    expect(onSearch.mock.calls).toEqual([['grace']])
  })

  it('tells the page its text as typed, and the text a link or Back brought', () => {
    const { onDraftChange, type, showUrlText } = setup(false)
    type('lo')
    type('lov')
    showUrlText('hopper')
    expect(onDraftChange.mock.calls.map(([text]) => text)).toEqual(['', 'lo', 'lov', 'hopper'])
  })
})
