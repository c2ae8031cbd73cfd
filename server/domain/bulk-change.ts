import type { Queryable } from '../db/connection.ts'
import type { UserRow } from '../db/users.ts'
import { forEachMember, type MemberResult } from '../http/bulk.ts'
import { notPermitted } from '../http/errors.ts'
import type { Caller } from '../auth/caller.ts'
import { type ChangeOutcome, type ChangeRequest, changeMember, recordRefusal } from './member-change.ts'

/**
 * A bulk call (rule 10): one change per member, each in its own transaction,
 * each with its own outcome. Without the privilege the whole call is refused
 * (403, as ArcGIS answers), and each listed member's refusal is audited.
 */
export async function changeMembers(
  request: Omit<ChangeRequest, 'username'> & { privilege: string },
  usernames: string[],
  change: (tx: Queryable, target: UserRow, actor: Caller) => Promise<ChangeOutcome<unknown>>,
): Promise<MemberResult[]> {
  await requireBulkPrivilege(request, usernames)
  return forEachMember(usernames, async (username) => {
    await changeMember({ ...request, username }, change)
  })
}

/** Without the privilege, the whole call is refused (403), each listed member's refusal audited. */
export async function requireBulkPrivilege(request: Omit<ChangeRequest, 'username'> & { privilege: string }, usernames: string[]): Promise<void> {
  if (!request.actor.privileges.has(request.privilege)) await refuseAll(request, usernames, notPermitted())
}

/** Refuses the whole call with `error`, after recording the refusal for every member it names. */
export async function refuseAll(request: Omit<ChangeRequest, 'username'>, usernames: string[], error: unknown): Promise<never> {
  for (const username of usernames) await recordRefusal(request, username, error)
  throw error
}
