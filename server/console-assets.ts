import { readdir, readFile } from 'node:fs/promises'
import { extname, join } from 'node:path'
import type { MiddlewareHandler } from 'hono'

/** A hashed file never changes under its name. */
export const IMMUTABLE = 'public, max-age=31536000, immutable'

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
}

/** Preferred first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const

/**
 * The built console's scripts and styles (assets/), as the build compressed
 * them (vite.config.ts writes `.br` and `.gz` beside each): the first load
 * carries ~440 KB of JavaScript, ~118 KB in Brotli. Only files assets/ held
 * when the server started are looked at, so no request can reach outside it.
 * A client that takes neither encoding, or a build without them, gets the
 * plain file from the static handler.
 */
export function compressedAssets(root: string): MiddlewareHandler {
  const assetsDir = join(root, 'assets')
  const files = new Set<string>()
  const listed = readdir(assetsDir)
    .then((names) => {
      for (const name of names) files.add(name)
    })
    .catch(() => undefined)

  return async (c, next) => {
    await listed
    c.header('Vary', 'Accept-Encoding')
    const name = c.req.path.slice('/assets/'.length)
    const type = TYPES[extname(name)]
    if (!type || !files.has(name) || (c.req.method !== 'GET' && c.req.method !== 'HEAD')) return next()
    const accepted = acceptedEncodings(c.req.header('accept-encoding'))
    const encoding = ENCODINGS.find((e) => accepted.has(e.name) && files.has(name + e.suffix))
    if (!encoding) return next()
    const body = await readFile(join(assetsDir, name + encoding.suffix)).catch(() => null)
    if (!body) return next()
    c.header('Content-Type', type)
    c.header('Content-Encoding', encoding.name)
    c.header('Cache-Control', IMMUTABLE)
    return c.body(new Uint8Array(body))
  }
}

/** The encodings a client takes, less those it refuses (`q=0`, `q=0.0`, …). */
function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>()
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.split(';').map((piece) => piece.trim().toLowerCase())
    const q = params.find((param) => param.startsWith('q='))
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name)
  }
  return accepted
}
