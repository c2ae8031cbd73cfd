import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestServer, type TestServer } from './harness.ts'

/** A GET with exactly these headers, answered as raw bytes (fetch would decompress on its own). */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }))
      response.on('error', reject)
    })
      .on('error', reject)
      .end()
  })
}

describe("the console's hashed assets, as the build compressed them", () => {
  let server: TestServer
  const parentDir = mkdtempSync(join(tmpdir(), 'members-console-assets-'))
  const consoleDir = join(parentDir, 'console')
  const script = `export const members = ${JSON.stringify(Array.from({ length: 500 }, (_, i) => `member${i}`))}\n`
  beforeAll(async () => {
    mkdirSync(join(consoleDir, 'assets'), { recursive: true })
    writeFileSync(join(parentDir, 'private.js'), 'secret-looking')
    // As vite.config.ts's precompress step writes them; a style without them is served plain.
    writeFileSync(join(consoleDir, 'assets', 'index-abc123.js'), script)
    writeFileSync(join(consoleDir, 'assets', 'index-abc123.js.br'), brotliCompressSync(script))
    writeFileSync(join(consoleDir, 'assets', 'index-abc123.js.gz'), gzipSync(script))
    writeFileSync(join(consoleDir, 'assets', 'index-abc123.css'), 'body{}')
    writeFileSync(join(consoleDir, 'index.html'), '<!doctype html><title>Members</title>')
    server = await startTestServer({ consoleDir })
  })
  afterAll(async () => {
    await server?.close()
    rmSync(parentDir, { recursive: true, force: true })
  })

  test('Brotli when the browser takes it, cached for good, and the same bytes once decoded', async () => {
    const answer = await rawGet(`${server.baseUrl}/assets/index-abc123.js`, { 'accept-encoding': 'gzip, deflate, br' })
    expect(answer.status).toBe(200)
    expect(answer.headers['content-encoding']).toBe('br')
    expect(answer.headers['content-type']).toContain('javascript')
    expect(answer.headers['cache-control']).toContain('immutable')
    expect(answer.headers.vary).toContain('Accept-Encoding')
    expect(answer.body.length).toBeLessThan(Buffer.byteLength(script) / 3)
    expect(brotliDecompressSync(answer.body).toString()).toBe(script)
  })

  test('gzip for a client without Brotli; the plain file for one that takes neither', async () => {
    const gzipped = await rawGet(`${server.baseUrl}/assets/index-abc123.js`, { 'accept-encoding': 'gzip' })
    expect(gzipped.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gzipped.body).toString()).toBe(script)

    for (const acceptEncoding of ['identity', 'br;q=0, gzip;q=0', 'br; q=0.0, gzip;q=0.000']) {
      const plain = await rawGet(`${server.baseUrl}/assets/index-abc123.js`, { 'accept-encoding': acceptEncoding })
      expect(plain.status).toBe(200)
      expect(plain.headers['content-encoding']).toBeUndefined()
      expect(plain.body.toString()).toBe(script)
    }
    const style = await rawGet(`${server.baseUrl}/assets/index-abc123.css`, { 'accept-encoding': 'br' })
    expect(style.headers['content-encoding']).toBeUndefined()
    expect(style.body.toString()).toBe('body{}')
  })

  test('only files inside the console: no way out of it, and a missing file is not found', async () => {
    for (const path of ['/assets/..%2F..%2Fprivate.js', '/assets/%2e%2e/%2e%2e/private.js', '/assets/..%5C..%5Cprivate.js']) {
      const answer = await rawGet(`${server.baseUrl}${path}`, { 'accept-encoding': 'br' })
      expect(answer.headers['content-encoding'], path).toBeUndefined()
      expect(answer.body.toString(), path).not.toContain('secret-looking')
    }
    const missing = await rawGet(`${server.baseUrl}/assets/index-gone.js`, { 'accept-encoding': 'br' })
    expect(missing.headers['content-encoding']).toBeUndefined()
    expect(missing.headers['content-type'] ?? '').not.toContain('javascript')
    // A path that does not decode is just not one of the files, not a server error.
    const malformed = await rawGet(`${server.baseUrl}/assets/%E0%A4%A.js`, { 'accept-encoding': 'br' })
    expect(malformed.status).toBeLessThan(500)
    expect(malformed.headers['content-encoding']).toBeUndefined()
  })
})
