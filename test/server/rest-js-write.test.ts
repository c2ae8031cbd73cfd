import { ArcGISIdentityManager, ArcGISRequestError, request } from '@esri/arcgis-rest-request'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestServer, type TestServer } from './harness.ts'
import { memberState } from './write-helpers.ts'

/**
 * ArcGIS REST JS drives the ArcGIS-documented calls unchanged: request()
 * with an identity manager built from a token (form-encoded POST, f=json,
 * the token as a parameter, errors read from the HTTP 200 body).
 */
let server: TestServer
let session: ArcGISIdentityManager
beforeAll(async () => {
  server = await startTestServer()
  session = await ArcGISIdentityManager.fromToken({ token: await server.tokenFor('admin'), portal: server.restUrl })
})
afterAll(() => server?.close())

describe('@esri/arcgis-rest-request', () => {
  test('fromToken signed in as the administrator', () => {
    expect(session.username).toBe('admin')
  })

  test('updateUserRole', async () => {
    const answer = await request(`${server.restUrl}/portals/self/updateUserRole`, {
      params: { user: 'user', role: 'org_publisher' },
      authentication: session,
    })
    expect(answer).toEqual({ success: true, username: 'user' })
    expect((await memberState(server.db, 'user')).role).toBe('org_publisher')
  })

  test('disable and enable one member', async () => {
    const disabled = await request(`${server.restUrl}/community/users/publisher/disable`, { authentication: session })
    expect(disabled).toEqual({ success: true, username: 'publisher' })
    expect((await memberState(server.db, 'publisher')).disabled).toBe(true)
    const enabled = await request(`${server.restUrl}/community/users/publisher/enable`, { authentication: session })
    expect(enabled).toEqual({ success: true, username: 'publisher' })
    expect((await memberState(server.db, 'publisher')).disabled).toBe(false)
  })

  test('disableUsers and enableUsers with an array of usernames', async () => {
    const disabled = await request(`${server.restUrl}/portals/self/disableUsers`, {
      params: { users: ['editor', 'viewer'] },
      authentication: session,
    })
    expect(disabled).toEqual({ results: [{ username: 'editor', status: 'success' }, { username: 'viewer', status: 'success' }] })
    const enabled = await request(`${server.restUrl}/portals/self/enableUsers`, { params: { users: ['editor', 'viewer'] }, authentication: session })
    expect(enabled.results.map((r: any) => r.status)).toEqual(['success', 'success'])
  })

  test('a broken rule rejects with ArcGISRequestError carrying the messageCode', async () => {
    const failure = await request(`${server.restUrl}/community/users/never/disable`, { authentication: session }).catch((e) => e)
    expect(failure).toBeInstanceOf(ArcGISRequestError)
    expect(failure.code).toBe('USER_NEVER_SIGNED_IN')
    expect(failure.message).toContain('never signed in')
  })
})
