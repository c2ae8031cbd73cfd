import type { Caller } from '../auth/caller.ts'
import { notPermitted } from '../http/errors.ts'

/** `:portalId` is `self` or the caller's own organization id (paths arrive lower-cased). */
export function checkOwnPortal(portalId: string | undefined, caller: Caller): void {
  const id = (portalId ?? '').toLowerCase()
  if (id !== 'self' && id !== caller.orgId.toLowerCase())
    throw notPermitted(`You can administer only your own organization. Use portals/self or portals/${caller.orgId}.`)
}
