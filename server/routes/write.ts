import type { Context, Hono } from 'hono'
import type { AppEnv } from '../http/context.ts'
import { PortalError } from '../http/errors.ts'
import { disableUser, disableUserPath } from './community/disable-user.ts'
import { enableUser, enableUserPath } from './community/enable-user.ts'
import { resetPassword, resetPasswordPath } from './community/reset-password.ts'
import { updateUser, updateUserPath } from './community/update-user.ts'
import { disableUsers, disableUsersPath } from './portals/disable-users.ts'
import { enableUsers, enableUsersPath } from './portals/enable-users.ts'
import { getAuditLog, getAuditLogPath } from './portals/get-audit-log.ts'
import { updateUserLicenseType, updateUserLicenseTypePath } from './portals/update-user-license-type.ts'
import { updateUserRole, updateUserRolePath } from './portals/update-user-role.ts'
import { updateUserRoles, updateUserRolesPath } from './portals/update-user-roles.ts'

type Handler = (c: Context<AppEnv>) => Promise<Response>

/** Member administration (portal-api.md §6, except delete and content moves). State changes are POST only. */
const POST_OPERATIONS: [string, Handler][] = [
  [updateUserRolePath, updateUserRole],
  [updateUserRolesPath, updateUserRoles],
  [updateUserLicenseTypePath, updateUserLicenseType],
  [disableUsersPath, disableUsers],
  [enableUsersPath, enableUsers],
  [disableUserPath, disableUser],
  [enableUserPath, enableUser],
  [resetPasswordPath, resetPassword],
  [updateUserPath, updateUser],
]

const postOnly = () => {
  throw new PortalError(405, 'METHOD_NOT_ALLOWED', 'This operation changes data: send it as POST.')
}

export function registerWriteRoutes(api: Hono<AppEnv>) {
  for (const [path, handler] of POST_OPERATIONS) {
    api.post(path, handler)
    api.get(path, postOnly)
  }
  // A read (an extension, docs/api-extensions.md §5): GET, and POST as every read accepts (portal-api.md §1).
  api.on(['GET', 'POST'], getAuditLogPath, getAuditLog)
}
