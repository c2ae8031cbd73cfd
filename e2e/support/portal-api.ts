import type { APIRequestContext } from '@playwright/test'
import { passwordOf } from './env.ts'

/** Direct calls to the portal's REST API: to sign tests in quickly and to know what the list should show. */

export interface PortalToken {
  token: string
  expires: number
}

async function body<T>(response: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  const json = (await response.json()) as T & { error?: { message: string; details?: string[] } }
  if (json.error) throw new Error(`${response.url()}: ${json.error.message} ${json.error.details?.join(' ') ?? ''}`)
  return json
}

/**
 * Calls go to the server of the `request` context's baseURL (the test's
 * project), so paths are relative: 'sharing/rest/...'.
 */
const REST = 'sharing/rest'

/** generateToken with the demo password (ArcGIS "referer" client). */
export async function generateToken(request: APIRequestContext, username: string, password = passwordOf(username)): Promise<PortalToken> {
  const response = await request.post(`${REST}/generateToken`, {
    form: { username, password, client: 'referer', referer: 'http://127.0.0.1', expiration: '120', f: 'json' },
  })
  return body<PortalToken>(response)
}

export async function portalGet<T>(request: APIRequestContext, token: string, path: string, params: Record<string, string | number> = {}): Promise<T> {
  const response = await request.get(`${REST}/${path}`, { params: { ...params, f: 'json', token } })
  return body<T>(response)
}

export async function portalPost<T>(request: APIRequestContext, token: string, path: string, form: Record<string, string | number> = {}): Promise<T> {
  const response = await request.post(`${REST}/${path}`, { form: { ...form, f: 'json', token } })
  return body<T>(response)
}

export interface SearchResult {
  total: number
  results: { username: string; fullName: string; email: string; lastLogin: number; created: number; disabled: boolean }[]
}

/** What portals/self/users/search answers for these params: the truth the console's list is checked against. */
export function searchMembers(
  request: APIRequestContext,
  token: string,
  params: { q?: string; sortField?: string; sortOrder?: string; start?: number; num?: number },
): Promise<SearchResult> {
  const query: Record<string, string | number> = { sortField: 'fullname', sortOrder: 'asc', start: 1, num: 25 }
  for (const [key, value] of Object.entries(params)) if (value !== undefined) query[key] = value
  return portalGet<SearchResult>(request, token, 'portals/self/users/search', query)
}
