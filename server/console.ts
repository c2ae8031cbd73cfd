import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import type { Context, Hono } from 'hono'
import { compressedAssets, IMMUTABLE } from './console-assets.ts'
import type { Queryable } from './db/connection.ts'
import type { AppEnv, ServerConfig } from './http/context.ts'

export const CONSOLE_CLIENT_ID = 'members-console'

/**
 * Serves the built console. Hashed assets are cached for good; index.html and
 * config.json never, so a new build or setting reaches browsers at once.
 */
export function registerConsole(app: Hono<AppEnv>, config: ServerConfig) {
  const csp = (scriptHashes: string[] = []) => contentSecurityPolicy(config.frameAncestors, scriptHashes)

  app.use('*', async (c, next) => {
    await next()
    if (!new URL(c.req.url).pathname.toLowerCase().startsWith('/sharing/')) {
      // index.html sets its own: the same, plus its inline script's hash.
      if (!c.res.headers.has('Content-Security-Policy')) c.header('Content-Security-Policy', csp())
      c.header('X-Content-Type-Options', 'nosniff')
      c.header('Referrer-Policy', 'same-origin')
    }
  })

  // The console's runtime settings: by default, this server is its portal. A build made with
  // `vite build --base /x/` asks for /x/config.json, so every path ending in /config.json gets it.
  app.get('*', async (c, next) => {
    if (!new URL(c.req.url).pathname.endsWith('/config.json')) return next()
    c.header('Cache-Control', 'no-store')
    const file = config.consoleDir && join(config.consoleDir, 'config.json')
    if (file && existsSync(file)) return c.body(readFileSync(file, 'utf8'), 200, { 'content-type': 'application/json' })
    const origin = new URL(c.req.url).origin
    return c.json({ portalUrl: `${origin}/sharing/rest`, clientId: CONSOLE_CLIENT_ID })
  })

  const root = config.consoleDir
  if (!root) return
  app.use('/assets/*', compressedAssets(root))
  app.use(
    '/assets/*',
    serveStatic({
      root,
      onFound: (_path, c) => {
        c.header('Cache-Control', IMMUTABLE)
      },
    }),
  )
  // index.html is always this handler's (never cached), whether asked for as /, /index.html or a
  // client-side route such as /oauth-callback; every other file is static.
  const indexFile = join(root, 'index.html')
  const serveIndex = (c: Context<AppEnv>) => {
    if (!existsSync(indexFile)) return c.text('The console is not built. Run `npm run build`.', 404)
    c.header('Cache-Control', 'no-cache')
    const html = readFileSync(indexFile, 'utf8')
    c.header('Content-Security-Policy', csp(inlineScriptHashes(html)))
    return c.html(html)
  }
  app.get('*', (c, next) => (/(^|\/)(index\.html)?$/.test(new URL(c.req.url).pathname) ? serveIndex(c) : next()))
  app.use('*', serveStatic({ root }))
  app.get('*', serveIndex)
}

/**
 * No inline script runs, except those of index.html named by their hash: the
 * build puts the first screen's loader there (vite.config.ts), and a hash lets
 * exactly that text run, so an injected script is refused as before.
 */
function contentSecurityPolicy(frameAncestors: string, scriptHashes: string[]): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scriptHashes].join(' '),
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ')
}

/** CSP hash sources of a page's inline scripts (those without `src`), over their exact text. */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script\s*>/gi)].map(
    ([, text]) => `'sha256-${createHash('sha256').update(text!, 'utf8').digest('base64')}'`,
  )
}

/**
 * The console signs in with OAuth, whose redirect URIs must match exactly:
 * register where this server serves the console (and the Vite dev server).
 */
export async function registerConsoleRedirectUris(db: Queryable, uris: string[]): Promise<void> {
  await db.query(
    `update oauth_clients
        set redirect_uris = (select array(select distinct unnest(redirect_uris || $2::text[])))
      where client_id = $1`,
    [CONSOLE_CLIENT_ID, uris],
  )
}

/** Where the console is reached: PUBLIC_URL, else localhost and 127.0.0.1 on this port, plus Vite's dev port. */
export function consoleRedirectUris(port: number, publicUrl?: string): string[] {
  const origins = publicUrl
    ? [publicUrl.replace(/\/$/, '')]
    : [`http://localhost:${port}`, `http://127.0.0.1:${port}`, 'http://localhost:5173', 'http://127.0.0.1:5173']
  return origins.map((origin) => `${origin}/oauth-callback`)
}
