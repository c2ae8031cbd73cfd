import type { Context, Hono } from 'hono'
import type { AppEnv } from '../http/context.ts'
import { PortalError } from '../http/errors.ts'
import { deleteUser, deleteUserPath } from './community/delete-user.ts'
import { reassignUser, reassignUserPath } from './community/reassign-user.ts'
import { reassignItem, reassignItemPaths } from './content/reassign-item.ts'
import { reassignGroup, reassignGroupPath } from './groups/reassign-group.ts'
import { removeUsers, removeUsersPath } from './portals/remove-users.ts'

type Handler = (c: Context<AppEnv>) => Promise<Response>

/** Deleting members and moving what they own (portal-api.md §6; rules 1, 2, 8, 9). POST only. */
const POST_OPERATIONS: [string, Handler][] = [
  [deleteUserPath, deleteUser],
  [removeUsersPath, removeUsers],
  ...reassignItemPaths.map((path): [string, Handler] => [path, reassignItem]),
  [reassignGroupPath, reassignGroup],
  [reassignUserPath, reassignUser],
]

// Same answer as write.ts gives a GET of its operations.
const postOnly = () => {
  throw new PortalError(405, 'METHOD_NOT_ALLOWED', 'This operation changes data: send it as POST.')
}

export function registerContentWriteRoutes(api: Hono<AppEnv>) {
  for (const [path, handler] of POST_OPERATIONS) {
    api.post(path, handler)
    api.get(path, postOnly)
  }
}
