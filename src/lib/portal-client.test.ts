import { ArcGISIdentityManager } from '@esri/arcgis-rest-request'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { onPrivilegeRefused, onSessionExpired, PortalRequestError, portalRequest, setActivePortal } from './portal-client.ts'

const PORTAL = 'https://portal.example.com/sharing/rest'
const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } })

describe('portalRequest', () => {
  let fetchMock: ReturnType<typeof vi.fn>
  beforeEach(() => {
    fetchMock = vi.fn()
    vi.stubGlobal('fetch', fetchMock)
    const manager = new ArcGISIdentityManager({ portal: PORTAL, token: 'tok', tokenExpires: new Date(Date.now() + 3_600_000), username: 'ada' })
    setActivePortal(PORTAL, manager)
  })
  afterEach(() => vi.unstubAllGlobals())

  it('sends f=json, the token, and lists comma-joined; GET puts them in the URL', async () => {
    fetchMock.mockResolvedValue(json({ ok: 1 }))
    await expect(portalRequest('portals/self/users/search', { q: 'ada', users: ['a', 'b'], skip: undefined }, { method: 'GET' })).resolves.toEqual({ ok: 1 })
    const url = new URL(fetchMock.mock.calls[0][0])
    expect(url.origin + url.pathname).toBe(`${PORTAL}/portals/self/users/search`)
    expect(Object.fromEntries(url.searchParams)).toEqual({ f: 'json', q: 'ada', users: 'a,b', token: 'tok' })
  })

  it('POSTs a form body by default', async () => {
    fetchMock.mockResolvedValue(json({ success: true }))
    await portalRequest('portals/self/updateUserRole', { user: 'ada', role: 'org_user' })
    const [, init] = fetchMock.mock.calls[0]
    expect(init.method).toBe('POST')
    expect(new URLSearchParams(init.body).get('role')).toBe('org_user')
  })

  it('turns the ArcGIS error envelope (HTTP 200) into a PortalRequestError', async () => {
    fetchMock.mockResolvedValue(
      json({ error: { code: 400, messageCode: 'ORG_LAST_ADMIN', message: 'Keep one administrator.', details: ['admin'] } }),
    )
    const error = await portalRequest<unknown>('portals/self/updateUserRole', { user: 'admin' }).catch((e: PortalRequestError) => e)
    if (!(error instanceof PortalRequestError)) throw new Error('expected a PortalRequestError')
    expect(error).toBeInstanceOf(PortalRequestError)
    expect(error).toMatchObject({ code: 400, messageCode: 'ORG_LAST_ADMIN', message: 'Keep one administrator.', details: ['admin'] })
    expect(error.isAuthError).toBe(false)
  })

  it('reports a network failure as code 0', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'))
    await expect(portalRequest('portals/self')).rejects.toMatchObject({ code: 0, messageCode: 'NETWORK_ERROR' })
  })

  it('lets aborts through untouched, so a replaced search is not an error', async () => {
    fetchMock.mockRejectedValue(new DOMException('The operation was aborted.', 'AbortError'))
    await expect(portalRequest('portals/self/users/search', {}, { method: 'GET' })).rejects.toMatchObject({ name: 'AbortError' })
  })

  it('announces an expired session (498 with nothing to refresh with)', async () => {
    const expired = vi.fn()
    const stop = onSessionExpired(expired)
    fetchMock.mockResolvedValue(json({ error: { code: 498, message: 'Invalid token.', details: [] } }))
    const error = await portalRequest('portals/self').catch((e) => e)
    stop()
    expect(error).toMatchObject({ code: 498, isAuthError: true })
    expect(expired).toHaveBeenCalledOnce()
  })

  it('announces a privilege refused (403 GWM_0003), not a rule about the member (403 ORG_ADMIN_TARGET)', async () => {
    const refused = vi.fn()
    const stop = onPrivilegeRefused(refused)
    const forbidden = (messageCode: string) => json({ error: { code: 403, messageCode, message: 'No.', details: [] } })
    fetchMock.mockResolvedValueOnce(forbidden('ORG_ADMIN_TARGET'))
    expect(await portalRequest('portals/self/removeUsers').catch((e) => e)).toMatchObject({ code: 403, isMissingPrivilege: false })
    expect(refused).not.toHaveBeenCalled()
    fetchMock.mockResolvedValueOnce(forbidden('GWM_0003'))
    expect(await portalRequest('portals/self/removeUsers').catch((e) => e)).toMatchObject({ code: 403, isMissingPrivilege: true })
    stop()
    expect(refused).toHaveBeenCalledOnce()
  })

  it('knows a portal without an operation (HTTP 404 or "Invalid URL") from a member not found', async () => {
    const failure = (answer: Response) => {
      fetchMock.mockResolvedValueOnce(answer)
      return portalRequest('portals/self/updateUserRoles', { users: ['a'], role: 'org_user' }).then(
        () => undefined,
        (error: PortalRequestError) => error,
      )
    }
    const notFound = await failure(new Response('Not Found', { status: 404, statusText: 'Not Found' }))
    expect(notFound).toMatchObject({ code: 404, httpStatus: 404, isNoSuchOperation: true })
    const invalidUrl = await failure(json({ error: { code: 400, messageCode: 'INVALID_URL', message: 'Invalid URL: no such operation.', details: [] } }))
    expect(invalidUrl?.isNoSuchOperation).toBe(true)
    const arcgisInvalidUrl = await failure(json({ error: { code: 400, message: 'Invalid URL', details: [] } }))
    expect(arcgisInvalidUrl?.isNoSuchOperation).toBe(true)
    const memberNotFound = await failure(json({ error: { code: 404, messageCode: 'CONT_0001', message: 'User does not exist or is inaccessible.', details: [] } }))
    expect(memberNotFound).toMatchObject({ code: 404, isNoSuchOperation: false })
  })
})
