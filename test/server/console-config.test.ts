import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestServer, type TestServer } from './harness.ts'

// The console reads `<base>config.json`: a build made with `vite build --base /x/` asks for /x/config.json.
describe('config.json without a console folder: this server is the portal', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(() => server?.close())

  test.each(['/config.json', '/x/config.json', '/members/console/config.json'])('%s answers the defaults, never cached', async (path) => {
    const response = await fetch(`${server.baseUrl}${path}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(await response.json()).toEqual({ portalUrl: `${server.baseUrl}/sharing/rest`, clientId: 'members-console' })
  })

  test('a path that only looks like it is not config.json', async () => {
    const response = await fetch(`${server.baseUrl}/x/notconfig.json`)
    expect(response.headers.get('content-type') ?? '').not.toContain('application/json')
  })
})

describe('config.json from the console folder', () => {
  let server: TestServer
  const consoleDir = mkdtempSync(join(tmpdir(), 'members-console-config-'))
  const settings = { portalUrl: 'https://portal.example.com/sharing/rest', clientId: 'my-console' }
  beforeAll(async () => {
    writeFileSync(join(consoleDir, 'config.json'), JSON.stringify(settings))
    writeFileSync(join(consoleDir, 'index.html'), '<!doctype html><title>Members</title>')
    server = await startTestServer({ consoleDir })
  })
  afterAll(async () => {
    await server?.close()
    rmSync(consoleDir, { recursive: true, force: true })
  })

  test.each(['/config.json', '/x/config.json'])('%s serves the file, never cached', async (path) => {
    const response = await fetch(`${server.baseUrl}${path}`)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(await response.json()).toEqual(settings)
  })
})
