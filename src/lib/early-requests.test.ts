import { ArcGISIdentityManager } from '@esri/arcgis-rest-request'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fetchEarly, offerEarlyResponse } from './early-requests.ts'
import { portalRequest, setActivePortal } from './portal-client.ts'

const PORTAL = 'https://portal.example.com/sharing/rest'
const SEARCH = `${PORTAL}/portals/self/users/search`
const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } })
const params = { sortField: 'fullname', sortOrder: 'asc', start: 1, num: 25 }
/** As early-data.ts does for a portal without a first screen: ask now, offer the answer to the app. */
const startEarly = (url: string, query: Record<string, unknown>, token: string) => offerEarlyResponse(url, query, token, fetchEarly(url, query, token))

describe('early requests handed to portalRequest', () => {
  let fetchMock: ReturnType<typeof vi.fn>
  beforeEach(() => {
    fetchMock = vi.fn()
    vi.stubGlobal('fetch', fetchMock)
    const manager = new ArcGISIdentityManager({ portal: PORTAL, token: 'tok', tokenExpires: new Date(Date.now() + 3_600_000), username: 'ada' })
    setActivePortal(PORTAL, manager)
  })
  afterEach(() => vi.unstubAllGlobals())

  it('answers the same GET (same URL, parameters in any order, token) once, without a second fetch', async () => {
    fetchMock.mockResolvedValueOnce(json({ total: 1, results: [{ username: 'ada' }] }))
    startEarly(SEARCH, params, 'tok')
    const sent = new URL(fetchMock.mock.calls[0][0])
    expect(Object.fromEntries(sent.searchParams)).toEqual({ f: 'json', token: 'tok', sortField: 'fullname', sortOrder: 'asc', start: '1', num: '25' })
    const reordered = { num: 25, start: 1, sortOrder: 'asc', sortField: 'fullname', q: undefined }
    await expect(portalRequest('portals/self/users/search', reordered, { method: 'GET' })).resolves.toEqual({ total: 1, results: [{ username: 'ada' }] })
    expect(fetchMock).toHaveBeenCalledTimes(1)
    // Used once: asking again goes to the portal.
    fetchMock.mockResolvedValueOnce(json({ total: 2, results: [] }))
    await expect(portalRequest('portals/self/users/search', params, { method: 'GET' })).resolves.toEqual({ total: 2, results: [] })
    expect(fetchMock).toHaveBeenCalledTimes(2)
  })

  it('is not used for other parameters or another token', async () => {
    fetchMock.mockResolvedValueOnce(json({ total: 1, results: [] }))
    startEarly(SEARCH, { ...params, start: 26 }, 'other-token')
    fetchMock.mockResolvedValue(json({ total: 3, results: [] }))
    await expect(portalRequest('portals/self/users/search', { ...params, start: 26 }, { method: 'GET' })).resolves.toEqual({ total: 3, results: [] })
    expect(fetchMock).toHaveBeenCalledTimes(2)
  })

  it('falls back to a real request when the early answer is an error envelope or a failure', async () => {
    fetchMock.mockResolvedValueOnce(json({ error: { code: 498, message: 'Invalid token.' } }))
    startEarly(`${PORTAL}/portals/self`, {}, 'tok')
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'))
    startEarly(`${PORTAL}/community/self`, {}, 'tok')
    fetchMock.mockImplementation(async () => json({ id: 'org' }))
    await expect(portalRequest('portals/self', {}, { method: 'GET' })).resolves.toEqual({ id: 'org' })
    await expect(portalRequest('community/self', {}, { method: 'GET' })).resolves.toEqual({ id: 'org' })
    expect(fetchMock).toHaveBeenCalledTimes(4)
  })
})
