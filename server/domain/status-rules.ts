import type { Caller } from '../auth/caller.ts'
import { badRequest } from '../http/errors.ts'
import { checkActOnMember } from './admin-rules.ts'

interface Member {
  id: string
  username: string
  role: string
  role_id: string | null
  disabled: boolean
  last_login: number
  provider: string
}

/**
 * Rules 1, 2 (self) and 6 for disabling: only members who have signed in at
 * least once can be disabled. The last-administrator check needs the locked
 * read (assertKeepsAnAdministrator) on top of this.
 */
export function checkCanDisable(actor: Caller, target: Member): void {
  checkActOnMember(actor, target, 'disable')
  if (target.disabled) return
  if (target.last_login === -1)
    throw badRequest(
      'USER_NEVER_SIGNED_IN',
      `${target.username} has never signed in, so they cannot be disabled. Delete the account instead if it is not needed.`,
    )
}

/** Rules 1 and 7 for an administrator's reset: built-in (ArcGIS) accounts only, and not your own. */
export function checkCanReset(actor: Caller, target: Member): void {
  if (actor.userId === target.id)
    throw badRequest(
      'PASSWORD_CURRENT_REQUIRED',
      'To change your own password, send your current password as `password` and the new one as `newPassword`.',
    )
  checkActOnMember(actor, target, 'reset')
  if (target.provider !== 'arcgis')
    throw badRequest(
      'PASSWORD_RESET_NOT_BUILT_IN',
      `${target.username} signs in through ${target.provider}, not with an ArcGIS password. Reset the password with that identity provider.`,
    )
}
