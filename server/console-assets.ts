import { readdir, readFile } from 'node:fs/promises'
import { extname, join } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, gzip, constants as zlib } from 'node:zlib'
import type { MiddlewareHandler } from 'hono'

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

/** A hashed file never changes under its name. */
export const IMMUTABLE = 'public, max-age=31536000, immutable'

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
}

type Encoding = 'br' | 'gzip'

/**
 * The built console's scripts and styles (assets/), compressed once and kept
 * in memory: the first load carries ~440 KB of JavaScript, ~135 KB gzipped
 * and ~118 KB in Brotli. Only the files assets/ held when the server started
 * are served this way (so no request can grow the cache or reach outside
 * it); anything else, and clients that take neither encoding, fall through
 * to the plain static handler. Compression runs in libuv's thread pool, off
 * the event loop, and starts at once for every script and style, so the
 * first visitor does not wait for Brotli's best level (~0.8 s for the entry).
 */
export function compressedAssets(root: string): MiddlewareHandler {
  const assetsDir = join(root, 'assets')
  const names = new Set<string>()
  const cache = new Map<string, Promise<Buffer>>()

  const compressed = (name: string, encoding: Encoding): Promise<Buffer> => {
    const key = `${encoding}:${name}`
    let entry = cache.get(key)
    if (!entry) {
      entry = compress(join(assetsDir, name), encoding)
      // A failure (the file gone, too many open files) is not kept: the next request tries again.
      entry.catch(() => cache.delete(key))
      cache.set(key, entry)
    }
    return entry
  }

  const listed = readdir(assetsDir)
    .then((found) => {
      for (const name of found) if (TYPES[extname(name)]) names.add(name)
    })
    .catch(() => undefined)
  void listed.then(async () => {
    for (const name of names) await compressed(name, 'br').catch(() => undefined)
  })

  return async (c, next) => {
    await listed
    c.header('Vary', 'Accept-Encoding')
    const name = c.req.path.slice('/assets/'.length)
    const encoding = acceptedEncoding(c.req.header('accept-encoding'))
    if (!encoding || !names.has(name) || (c.req.method !== 'GET' && c.req.method !== 'HEAD')) return next()
    const body = await compressed(name, encoding).catch(() => null)
    if (!body) return next()
    c.header('Content-Type', TYPES[extname(name)])
    c.header('Content-Encoding', encoding)
    c.header('Cache-Control', IMMUTABLE)
    return c.body(new Uint8Array(body))
  }
}

async function compress(file: string, encoding: Encoding): Promise<Buffer> {
  const raw = await readFile(file)
  return encoding === 'br'
    ? brotli(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length } })
    : gzipAsync(raw, { level: 9 })
}

/** Brotli, else gzip, unless the client refuses it (`q=0`, `q=0.0`, …). */
function acceptedEncoding(header: string | undefined): Encoding | null {
  const accepted = new Set<string>()
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.split(';').map((piece) => piece.trim().toLowerCase())
    const q = params.find((param) => param.startsWith('q='))
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name)
  }
  if (accepted.has('br')) return 'br'
  if (accepted.has('gzip')) return 'gzip'
  return null
}
