import type { Context } from 'hono'
import type { Caller } from '../auth/caller.ts'
import { notPermitted } from '../http/errors.ts'
import type { AppEnv } from '../http/context.ts'

/**
 * `:portalId` of a portals/… path: `self` or the caller's own organization id
 * (paths arrive lower-cased, org ids are lower-case hex). Another org's members
 * are not the caller's to list.
 */
export function checkPortalId(c: Context<AppEnv>, caller: Caller): void {
  const portalId = c.req.param('portalId')
  if (portalId && portalId !== 'self' && portalId !== caller.orgId.toLowerCase())
    throw notPermitted(`You can only work with your own organization: use portals/self or portals/${caller.orgId}.`)
}
