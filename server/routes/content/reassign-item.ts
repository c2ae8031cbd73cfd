import type { Context } from 'hono'
import { requireCaller } from '../../auth/caller.ts'
import { ensureFolder, lockMembers, moveItem } from '../../db/content.ts'
import { runAudited } from '../../domain/content-audit.ts'
import { assertCanReceiveContent, parseTargetFolderName } from '../../domain/content-rules.ts'
import type { AppEnv } from '../../http/context.ts'
import { notFound, userNotFound } from '../../http/errors.ts'
import { requireParam } from '../../http/params.ts'
import { respond } from '../../http/respond.ts'

interface ItemRow {
  id: string
  folder_id: string | null
  folder_title: string | null
}

/**
 * POST content/users/{u}/[{folderId}/]items/{itemId}/reassign `targetUsername`,
 * `targetFolderName` (created when missing; absent = the target's root) →
 * {success:true, itemId}. Administrators only (portal:admin:reassignItems), as in ArcGIS.
 */
export async function reassignItem(c: Context<AppEnv>) {
  const caller = await requireCaller(c)
  const params = c.get('params')
  const sourceName = c.req.param('username') ?? ''
  const itemId = c.req.param('itemId') ?? ''
  const inFolder = c.req.param('folderId')
  const request = { db: c.get('db'), actor: caller, operation: 'reassignItem', privilege: 'portal:admin:reassignItems', target: sourceName }

  const movedId = await runAudited(request, async (tx, actor) => {
    const targetName = requireParam(params, 'targetUsername')
    const targetFolder = parseTargetFolderName(params.targetFolderName)
    const members = await lockMembers(tx, actor.orgId, [sourceName, targetName])
    const source = members.get(sourceName.toLowerCase())
    if (!source) throw userNotFound(sourceName)
    const [item] = await tx.query<ItemRow>(
      `select i.id, i.folder_id, f.title as folder_title
         from items i left join folders f on f.id = i.folder_id
        where i.id = $1 and i.owner_id = $2
        for update of i`,
      [itemId, source.id],
    )
    if (!item || (inFolder !== undefined && item.folder_id !== inFolder))
      throw notFound(`Item '${itemId}' does not exist or is inaccessible.`)
    const target = assertCanReceiveContent(source.id, targetName, members.get(targetName.toLowerCase()))
    const folder = targetFolder ? await ensureFolder(tx, target.id, targetFolder) : null
    await moveItem(tx, { id: item.id, ownerId: source.id }, target.id, folder?.id ?? null)
    return {
      result: item.id,
      target: source.username,
      before: { itemId: item.id, owner: source.username, folder: item.folder_title },
      after: { itemId: item.id, owner: target.username, folder: targetFolder, folderCreated: folder?.created ?? false, items: 1 },
    }
  })
  return respond(c, { success: true, itemId: movedId })
}

/** ArcGIS names the item's folder in the path optionally. */
export const reassignItemPaths = ['/content/users/:username/items/:itemId/reassign', '/content/users/:username/:folderId/items/:itemId/reassign']
