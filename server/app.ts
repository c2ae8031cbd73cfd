import { type Context, Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { Db } from './db/connection.ts'
import { type AppEnv, defaultConfig, type ServerConfig } from './http/context.ts'
import { PortalError } from './http/errors.ts'
import { readParams } from './http/params.ts'
import { registerConsole } from './console.ts'
import { registerRoutes } from './routes/index.ts'

export const API_BASE = '/sharing/rest'

/** The portal server: the Sharing REST API under /sharing/rest, and the built console at /. */
export function createApp(db: Db, overrides: Partial<ServerConfig> = {}) {
  const config = { ...defaultConfig, ...overrides }
  // ArcGIS matches paths case-insensitively (updateuserrole = updateUserRole).
  // Usernames are looked up case-insensitively too, so folding the whole API path is safe.
  const app = new Hono<AppEnv>({
    getPath: (req) => {
      const path = new URL(req.url).pathname
      return path.toLowerCase().startsWith(API_BASE) ? path.toLowerCase() : path
    },
  })

  app.onError(answerError)

  const api = new Hono<AppEnv>()
  // Also for requests made to the API directly (console/firstScreen reads through its routes).
  api.onError(answerError)
  api.use(
    '*',
    bodyLimit({
      maxSize: 1024 * 1024,
      onError: () => {
        throw new PortalError(413, 'REQUEST_TOO_LARGE', 'The request is larger than 1 MB. Send fewer members or smaller values.')
      },
    }),
  )
  api.use('*', async (c, next) => {
    c.set('db', db)
    c.set('config', config)
    c.set('params', await readParams(c))
    await next()
    c.header('Cache-Control', 'no-store')
  })
  registerRoutes(api)
  api.all('*', () => {
    throw new PortalError(400, 'INVALID_URL', 'Invalid URL: no such operation.')
  })
  app.route(API_BASE.toLowerCase(), api)

  registerConsole(app, config)
  return app
}

/** Every failure as the ArcGIS error envelope (HTTP 200); an unexpected one is logged and kept vague. */
function answerError(error: Error, c: Context<AppEnv>) {
  const portalError = error instanceof PortalError ? error : new PortalError(500, 'INTERNAL_ERROR', 'An unexpected error occurred. Try again.')
  if (!(error instanceof PortalError)) console.error(error)
  return c.json(portalError.toJSON(), 200)
}
