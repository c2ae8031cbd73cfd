import type { Context } from 'hono'
import { applyOwnPasswordChange, prepareOwnPasswordChange } from '../../auth/change-password.ts'
import { requireCaller } from '../../auth/caller.ts'
import { findUser } from '../../db/users.ts'
import { changeMember, recordRefusal } from '../../domain/member-change.ts'
import { applyPasswordReset, makeTemporaryPassword } from '../../domain/password-reset.ts'
import type { AppEnv } from '../../http/context.ts'
import { badRequest, notPermitted } from '../../http/errors.ts'
import { respond } from '../../http/respond.ts'

export const resetPasswordPath = '/community/users/:username/reset'

const onlyYourOwn = () =>
  notPermitted("You can change only your own password. To reset another member's, send no password (administrators only).")

/** Passwords are taken as sent: never trimmed. */
function passwordParam(value: string | undefined, name: string): string {
  if (!value) throw badRequest('MISSING_PARAMETER', `'${name}' is required to change your own password.`)
  return value
}

/**
 * Extension: POST community/users/{u}/reset.
 * - With no password, by an administrator with portal:admin:updateUsers:
 *   → {success, username, temporaryPassword} (rules 1, 7).
 * - With `password` and `newPassword`, by the member themself: changes their
 *   own password; allowed with a restricted token (one that must change it).
 */
export async function resetPassword(c: Context<AppEnv>) {
  const params = c.get('params')
  const username = c.req.param('username') ?? ''
  const db = c.get('db')
  if (params.password !== undefined || params.newPassword !== undefined) {
    const caller = await requireCaller(c, { allowRestricted: true })
    const password = passwordParam(params.password, 'password')
    const newPassword = passwordParam(params.newPassword, 'newPassword')
    // The change audits its success inside the transaction; a refusal is audited here, after the rollback.
    try {
      const target = await findUser(db, caller.orgId, username)
      if (target?.id !== caller.userId) throw onlyYourOwn()
      const change = await prepareOwnPasswordChange(db, caller.userId, password, newPassword)
      await db.transaction((tx) => applyOwnPasswordChange(tx, change))
    } catch (error) {
      await recordRefusal({ db, actor: caller, operation: 'changePassword' }, username, error)
      throw error
    }
    return respond(c, { success: true, username: caller.username })
  }

  const caller = await requireCaller(c)
  const privilege = 'portal:admin:updateUsers'
  // Hashed before the transaction, and only for a caller who may reset: changeMember refuses anyone
  // else before the change runs, so no one without the privilege makes the server hash. (Granted
  // the privilege this very moment, a caller gets the hash made inside, as before.)
  const early = caller.privileges.has(privilege) ? await makeTemporaryPassword() : null
  const done = await changeMember({ db, actor: caller, operation: 'resetPassword', username, privilege }, async (tx, target, actor) =>
    applyPasswordReset(tx, actor, target, early ?? (await makeTemporaryPassword())),
  )
  return respond(c, { success: true, ...done })
}
