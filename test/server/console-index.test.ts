import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestServer, type TestServer } from './harness.ts'

// index.html is never cached (a new build reaches browsers at once), and every page of the console has a CSP
// that allows no inline script, except index.html's own (the first screen's loader, vite.config.ts), by its hash.
describe('index.html and its headers', () => {
  let server: TestServer
  const consoleDir = mkdtempSync(join(tmpdir(), 'members-console-index-'))
  const loader = '(function(){window.asked=fetch("/x")})();'
  const loaderHash = `'sha256-${createHash('sha256').update(loader).digest('base64')}'`
  beforeAll(async () => {
    writeFileSync(
      join(consoleDir, 'index.html'),
      `<!doctype html><meta charset="UTF-8" />\n    <script>${loader}</script>\n<title>Members</title><script type="module" src="/assets/index.js"></script>`,
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

  test.each(['/', '/index.html', '/oauth-callback', '/some/client/route'])('%s: the page, never cached, its own inline script allowed by hash only', async (path) => {
    const response = await fetch(`${server.baseUrl}${path}`)
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('<title>Members</title>')
    expect(response.headers.get('cache-control')).toBe('no-cache')
    // Not 'unsafe-inline', and nothing for the module script (it has a src: 'self' covers it).
    expect(scriptSrc(response)).toBe(`script-src 'self' ${loaderHash}`)
  })

  test('other files are served as they are, with the same CSP', async () => {
    const response = await fetch(`${server.baseUrl}/robots.txt`)
    expect(await response.text()).toBe('User-agent: *')
    expect(response.headers.get('cache-control')).toBeNull()
    expect(scriptSrc(response)).toBe("script-src 'self'")
  })
})
