import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query'
import { act, render } from '@testing-library/react'
import { useMemo } from 'react'
import { describe, expect, it } from 'vitest'
import { memberQueries } from '../api/member-queries.ts'
import { useListRequestGate } from './use-list-request-gate.ts'

/** The list's answers, released by the test. */
function portal() {
  const waiting: (() => void)[] = []
  return {
    answer: () => new Promise<{ total: number }>((resolve) => waiting.push(() => resolve({ total: 1 }))),
    releaseAll: () => {
      for (const release of waiting.splice(0)) release()
    },
  }
}

let gate: ReturnType<typeof useListRequestGate>

/** As the Members page has it: the list's query for the view, then the gate. */
function Page({ q, answer }: { q: string; answer: () => Promise<{ total: number }> }) {
  const params = useMemo(() => ({ q }), [q])
  useQuery({ queryKey: [...memberQueries.lists(), params], queryFn: answer, staleTime: Number.POSITIVE_INFINITY })
  gate = useListRequestGate(q, params)
  return null
}

function setup() {
  const client = new QueryClient()
  const { answer, releaseAll } = portal()
  const view = render(
    <QueryClientProvider client={client}>
      <Page q="" answer={answer} />
    </QueryClientProvider>,
  )
  const show = (q: string) =>
    view.rerender(
      <QueryClientProvider client={client}>
        <Page q={q} answer={answer} />
      </QueryClientProvider>,
    )
  const answerAll = () => act(async () => releaseAll())
  return { show, answerAll }
}

describe('the list request gate', () => {
  it('counts a request in flight the moment it starts, before anything re-renders', async () => {
    const { answerAll } = setup()
    expect(gate.isSearching()).toBe(true)
    await answerAll()
    expect(gate.isSearching()).toBe(false)
  })

  it('counts a search the box sent as in flight until the new view has started its own request', async () => {
    const { show, answerAll } = setup()
    await answerAll()
    gate.markSearchSent()
    // Nothing is fetching yet: the page has not rendered the new view.
    expect(gate.isSearching()).toBe(true)
    show('ada')
    expect(gate.isSearching()).toBe(true)
    await answerAll()
    expect(gate.isSearching()).toBe(false)
    // A view already answered starts no request: the sent search no longer counts once it is shown.
    gate.markSearchSent()
    show('')
    expect(gate.isSearching()).toBe(false)
  })

  it('is quiet for background requests only while the box holds the list\'s own text and nothing is in flight', async () => {
    const { answerAll } = setup()
    await answerAll()
    expect(gate.isQuiet()).toBe(true)
    gate.onDraftChange('ad')
    expect(gate.isQuiet()).toBe(false)
    gate.onDraftChange('')
    expect(gate.isQuiet()).toBe(true)
    gate.markSearchSent()
    expect(gate.isQuiet()).toBe(false)
  })
})
