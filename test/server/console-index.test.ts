import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestServer, type TestServer } from './harness.ts'

// The build inlines the first screen's request into index.html (vite.config.ts); the CSP allows exactly that script.
describe('index.html and its Content-Security-Policy', () => {
  let server: TestServer
  const consoleDir = mkdtempSync(join(tmpdir(), 'members-console-index-'))
  const inline = 'window.inlined = 1'
  const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`
  beforeAll(async () => {
    writeFileSync(
      join(consoleDir, 'index.html'),
      `<!doctype html><title>Members</title><script type="module" src="/assets/index.js"></script><body><script>${inline}</script></body>`,
    )
    writeFileSync(join(consoleDir, 'robots.txt'), 'User-agent: *')
    server = await startTestServer({ consoleDir })
  })
  afterAll(async () => {
    await server?.close()
    rmSync(consoleDir, { recursive: true, force: true })
  })

  const scriptSrc = (response: Response) =>
    response.headers
      .get('content-security-policy')
      ?.split(';')
      .map((part) => part.trim())
      .find((part) => part.startsWith('script-src'))

  test.each(['/', '/index.html', '/oauth-callback', '/some/client/route'])('%s: the page, its inline script allowed by its hash alone', async (path) => {
    const response = await fetch(`${server.baseUrl}${path}`)
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('<title>Members</title>')
    expect(response.headers.get('cache-control')).toBe('no-cache')
    expect(scriptSrc(response)).toBe(`script-src 'self' ${sha(inline)}`)
  })

  test('other files get no inline script at all', async () => {
    const response = await fetch(`${server.baseUrl}/robots.txt`)
    expect(await response.text()).toBe('User-agent: *')
    expect(scriptSrc(response)).toBe("script-src 'self'")
  })

  test('the hash follows the page: a rebuilt page is served with its own', async () => {
    writeFileSync(join(consoleDir, 'index.html'), '<!doctype html><title>Members</title><script>window.other = 2</script>')
    expect(scriptSrc(await fetch(`${server.baseUrl}/`))).toBe(`script-src 'self' ${sha('window.other = 2')}`)
  })
})
