import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'
import type { AppEnv } from '../http/context.ts'

/**
 * The address a request came from, for the per-address sign-in limit: the
 * socket's peer, or — behind a trusted proxy only — the last X-Forwarded-For
 * entry (the one our proxy appended; entries before it are client-supplied
 * and could be forged to dodge the limit).
 */
export function clientAddress(c: Context<AppEnv>): string {
  if (c.get('config').trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')
    const last = forwarded?.split(',').at(-1)?.trim()
    if (last) return last
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    // Not on the Node server (e.g. app.request() in a unit test): no socket to ask.
    return 'unknown'
  }
}
