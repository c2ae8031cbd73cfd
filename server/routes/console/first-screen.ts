import type { Hono } from 'hono'
import { type PortalRead, readQuery } from '../../../src/first-screen/first-screen-reads.ts'
import { knownCallerEnv, requireCaller, requirePrivilege, tokenOf } from '../../auth/caller.ts'
import type { AppEnv } from '../../http/context.ts'
import { badRequest, PortalError } from '../../http/errors.ts'
import { respond } from '../../http/respond.ts'
import { VIEW_USERS } from '../../search/member-view.ts'

const MAX_LOCATION = 4096

/**
 * The console's app code, loaded on first use (its first import transpiles
 * the page's components, ~2 s); main.ts starts it at start-up.
 */
let renderer: Promise<typeof import('../../../src/first-screen/render-first-screen.tsx')> | undefined
export function loadFirstScreenRenderer() {
  renderer ??= import('../../../src/first-screen/render-first-screen.tsx').catch((error) => {
    renderer = undefined // tried again on the next request
    throw error
  })
  return renderer
}

/**
 * GET console/firstScreen (an extension: docs/api-extensions.md; README.md,
 * "How the first rows come early"): the console's first screen for
 * `location` (the console URL's path and query) and `base` (its base path),
 * in the given `locale` and `timeZone` (optional: the console sends those its
 * tab had on its last load), rendered by the
 * console's own components, with the answers it was drawn from. Lets the
 * console show its rows before its script has run (src/first-screen/). The
 * reads go through this API's own routes as the caller, so they answer
 * exactly what the console would have been answered.
 */
export function registerFirstScreen(api: Hono<AppEnv>) {
  // A read: GET, and POST as every read accepts (portal-api.md §1).
  api.on(['GET', 'POST'], '/console/firstscreen', async (c) => {
    const caller = await requireCaller(c)
    requirePrivilege(caller, VIEW_USERS)
    const { location = '', base = '/', locale, timeZone } = c.get('params')
    const token = tokenOf(c) ?? ''
    if (!/^\/([\w.~-]+\/)*$/.test(base)) throw badRequest('INVALID_BASE', "'base' must be the console's base path, starting and ending with '/'.")
    const path = location.split(/[?#]/)[0]!
    if (!location.startsWith('/') || location.startsWith('//') || location.length > MAX_LOCATION || !(path.startsWith(base) || `${path}/` === base))
      throw badRequest('INVALID_LOCATION', `'location' must be the console's path and query, under '${base}' (at most ${MAX_LOCATION} characters).`)

    const display = { locale: checkLocale(locale), timeZone: checkTimeZone(timeZone) }

    const { renderFirstScreen } = await loadFirstScreenRenderer()
    const started = performance.now()
    let readsEnded = started
    const read = async ({ path, params }: PortalRead) => {
      // Through this API's own routes (a header-borne token is passed on as a parameter), as the caller
      // already found: the token is not looked up again for each read.
      const response = await api.request(`/${path.toLowerCase()}?${readQuery(params, token)}`, undefined, knownCallerEnv({ token, caller }))
      const body = (await response.json()) as { error?: { code: number; messageCode: string; message: string; details?: unknown[] } }
      if (body.error) throw new PortalError(body.error.code, body.error.messageCode, body.error.message, body.error.details)
      readsEnded = performance.now()
      return body
    }
    const screen = await renderFirstScreen({ location, base, display, read })
    // Where the server's time went, for the browser's Resource Timing (bench/browser-cold-load.ts reads it).
    c.header('Server-Timing', `reads;dur=${(readsEnded - started).toFixed(1)}, render;dur=${(performance.now() - readsEnded).toFixed(1)}`)
    return respond(c, screen)
  })
}

/** A BCP 47 locale ('de-CH'), or none: the server's own. */
function checkLocale(locale: string | undefined): string | undefined {
  if (!locale) return undefined
  try {
    return Intl.getCanonicalLocales(locale)[0]
  } catch {
    throw badRequest('INVALID_LOCALE', `'locale' must be a language tag such as 'en-US' or 'de-CH'; got '${locale.slice(0, 100)}'.`)
  }
}

/** An IANA time zone ('Europe/Zurich'), or none: the server's own. */
function checkTimeZone(timeZone: string | undefined): string | undefined {
  if (!timeZone) return undefined
  try {
    return new Intl.DateTimeFormat('en', { timeZone }).resolvedOptions().timeZone
  } catch {
    throw badRequest('INVALID_TIME_ZONE', `'timeZone' must be a time zone such as 'Europe/Zurich' or 'UTC'; got '${timeZone.slice(0, 100)}'.`)
  }
}
