import { afterAll, beforeAll, expect, test } from 'vitest'
import { startTestServer, type TestServer } from './harness.ts'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server?.close())

test('an unknown operation answers the ArcGIS error envelope with HTTP 200', async () => {
  const response = await fetch(`${server.restUrl}/no/such/thing?f=json`)
  expect(response.status).toBe(200)
  expect(await response.json()).toEqual({ error: { code: 400, messageCode: 'INVALID_URL', message: 'Invalid URL: no such operation.', details: [] } })
})
