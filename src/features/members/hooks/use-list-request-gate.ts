import { useIsFetching, useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useRef } from 'react'
import { memberQueries } from '../api/member-queries.ts'

/**
 * members-console.md: never more than one list request in flight per keystroke
 * burst. Two things send list requests on their own timers, the search box and
 * the next-page prefetch, and each asks this gate at the moment it would send.
 * What was rendered is not enough: React Query reports a request that started
 * a task later and React renders it later still, and in between the other
 * timer would see nothing in flight (CI caught a prefetch beside a search).
 *
 * Call after the list's `useQuery`: that hook starts the request for a new
 * view in an effect, and this one's effect must run after it.
 */
export function useListRequestGate(viewText: string, viewParams: unknown) {
  const queryClient = useQueryClient()
  // As last rendered: when it turns false, the search box sends what it held at once.
  const searching = useIsFetching({ queryKey: memberQueries.lists() }) > 0
  // A search the box sent whose request has not started yet: it starts once the page has rendered the new view.
  const searchSent = useRef(false)
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per new view, after useQuery's effect has started its request
  useEffect(() => {
    searchSent.current = false
  }, [viewParams])
  const isSearching = useCallback(() => searchSent.current || queryClient.isFetching({ queryKey: memberQueries.lists() }) > 0, [queryClient])
  const markSearchSent = useCallback(() => {
    searchSent.current = true
  }, [])

  // What the search box holds, searched or not yet (read by timers, so a ref, not state).
  const draft = useRef(viewText)
  const onDraftChange = useCallback((text: string) => {
    draft.current = text
  }, [])
  // Background requests (the next page) wait while someone types or anything is in flight.
  const isQuiet = useCallback(() => draft.current === viewText && !isSearching(), [viewText, isSearching])

  return { searching, isSearching, markSearchSent, onDraftChange, isQuiet }
}
