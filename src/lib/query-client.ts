import { QueryClient } from '@tanstack/react-query'
import { PortalRequestError } from './portal-client.ts'

/** Retry only what may pass on a second try: network failures and server errors. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false
  return error instanceof PortalRequestError && (error.code === 0 || error.code >= 500)
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Member data changes only through this console or other admins; half a minute is fresh enough.
        staleTime: 30_000,
        gcTime: 5 * 60_000,
        retry: shouldRetry,
        // Refetching on focus would reshuffle the list under an admin's pointer.
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  })
}
