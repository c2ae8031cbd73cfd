import { act, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { SEARCH_PAUSE_MS, SearchBox } from './search-box.tsx'

beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] }))
afterEach(() => vi.useRealTimers())

function setup(searching: boolean) {
  const onSearch = vi.fn()
  const box = (busy: boolean) => <SearchBox text="" scope="all" searching={busy} onSearch={onSearch} onScopeChange={() => undefined} />
  const view = render(box(searching))
  const input = screen.getByRole('searchbox', { name: 'Search members' })
  const type = (value: string) => fireEvent.change(input, { target: { value } })
  return { onSearch, input, type, setSearching: (busy: boolean) => view.rerender(box(busy)) }
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
})
