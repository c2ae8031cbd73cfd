import { QueryClient } from '@tanstack/react-query'
import { PortalRequestError } from './portal-client.ts'

/** Retry only what may pass on a second try: network failures and server errors. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false
  return error instanceof PortalRequestError && (error.code === 0 || error.code >= 500)
}

let created: QueryClient | undefined
const waiting: ((client: QueryClient) => void)[] = []

/**
 * Runs `use` with the app's query client as soon as there is one (now, or
 * when createQueryClient makes it): lets answers fetched before React started
 * (src/app/early-data.ts) go into the cache the first render reads.
 */
export function withQueryClient(use: (client: QueryClient) => void): void {
  if (created) use(created)
  else waiting.push(use)
}

export function createQueryClient(): QueryClient {
  const client = makeQueryClient()
  created = client
  for (const use of waiting.splice(0)) use(client)
  return client
}

function makeQueryClient(): QueryClient {
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
