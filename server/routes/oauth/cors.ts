import type { Hono } from 'hono'
import { cors } from 'hono/cors'
import type { AppEnv } from '../../http/context.ts'

/**
 * CORS for the JSON API, so a console served from another origin than the
 * portal can call it (ArcGIS Online answers cross-origin calls the same way).
 * Any origin, never credentials: the API authenticates by token (parameter or
 * Authorization header), not by cookie, so another site's script can do no
 * more than it could with a token it already holds. The HTML sign-in pages
 * are left out: only a browser navigation should reach them.
 */
export function registerApiCors(api: Hono<AppEnv>) {
  const allowed = cors({
    origin: '*',
    allowMethods: ['GET', 'POST'],
    allowHeaders: ['Content-Type', 'Authorization', 'X-Esri-Authorization'],
    maxAge: 600,
  })
  api.use('*', async (c, next) => {
    const path = new URL(c.req.url).pathname.toLowerCase()
    if (path.endsWith('/oauth2/authorize') || path.endsWith('/oauth2/sign-in.css')) return next()
    return allowed(c, next)
  })
}
