import type { Context } from 'hono'
import { requireCaller } from '../../auth/caller.ts'
import { giveGroups, lockMembers } from '../../db/content.ts'
import { runAudited } from '../../domain/content-audit.ts'
import { assertCanReceiveContent } from '../../domain/content-rules.ts'
import type { AppEnv } from '../../http/context.ts'
import { PortalError } from '../../http/errors.ts'
import { requireParam } from '../../http/params.ts'
import { respond } from '../../http/respond.ts'

const groupNotFound = (groupId: string) =>
  new PortalError(404, 'GROUP_NOT_FOUND', `Group '${groupId}' does not exist or is inaccessible.`)

export const reassignGroupPath = '/community/groups/:groupId/reassign'

/**
 * POST community/groups/{groupId}/reassign `targetUsername` → {success:true, groupId}.
 * Privilege portal:admin:reassignGroups. The receiver becomes the group's
 * owner member; the previous owner stays in the group as an 'admin' member.
 */
export async function reassignGroup(c: Context<AppEnv>) {
  const caller = await requireCaller(c)
  const groupId = c.req.param('groupId') ?? ''
  const db = c.get('db')

  // The owner's name is read without a lock to know which member rows to
  // lock (members first, in id order, like every other move); the group row
  // is then locked and its owner checked again.
  const [peek] = await db.query<{ owner: string }>(
    'select u.username as owner from groups g join users u on u.id = g.owner_id where g.id = $1 and g.org_id = $2',
    [groupId, caller.orgId],
  )
  const request = { db, actor: caller, operation: 'reassignGroup', privilege: 'portal:admin:reassignGroups', target: peek?.owner ?? '' }
  const movedId = await runAudited(request, async (tx) => {
    const targetName = requireParam(c.get('params'), 'targetUsername')
    if (!peek) throw groupNotFound(groupId)
    const members = await lockMembers(tx, caller.orgId, [peek.owner, targetName])
    const source = members.get(peek.owner.toLowerCase())
    const [group] = await tx.query<{ id: string; owner_id: string; title: string }>(
      'select id, owner_id, title from groups where id = $1 and org_id = $2 for update',
      [groupId, caller.orgId],
    )
    if (!group) throw groupNotFound(groupId)
    if (!source || group.owner_id !== source.id)
      throw new PortalError(409, 'CONCURRENT_CHANGE', 'The group changed owner while it was being moved. Reload and try again.')
    const target = assertCanReceiveContent(source.id, targetName, members.get(targetName.toLowerCase()))
    await giveGroups(tx, [group.id], source.id, target)
    return {
      result: group.id,
      target: source.username,
      before: { groupId: group.id, title: group.title, owner: source.username },
      after: { groupId: group.id, title: group.title, owner: target.username, groups: 1 },
    }
  })
  return respond(c, { success: true, groupId: movedId })
}
