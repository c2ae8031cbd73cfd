import type { Context } from 'hono'
import { requireCaller } from '../../auth/caller.ts'
import { ensureFolder, giveGroups, lockMembers, moveFolderItems } from '../../db/content.ts'
import type { Queryable } from '../../db/connection.ts'
import { runAudited } from '../../domain/content-audit.ts'
import { assertCanReceiveContent, type ContentTarget, folderFor, rootFolderFor } from '../../domain/content-rules.ts'
import type { AppEnv } from '../../http/context.ts'
import { userNotFound } from '../../http/errors.ts'
import { requireParam } from '../../http/params.ts'
import { respond } from '../../http/respond.ts'

interface Moved {
  items: number
  groups: number
  /** Target folder title → items moved into it. */
  folders: Record<string, number>
}

/**
 * Moves everything `source` owns to `target` inside the caller's transaction:
 * root items into `<username>_root`, each folder's items into
 * `<username>_<folder title>` (an existing folder of that name is used as it
 * is), every owned group, then deletes the source's (now empty) folders.
 * Folders are created at the target only for items that exist, and for every
 * source folder (an empty one too, so the member's folder list survives).
 */
async function moveEverything(tx: Queryable, source: { id: string; username: string }, target: ContentTarget): Promise<Moved> {
  const moved: Moved = { items: 0, groups: 0, folders: {} }
  const [root] = await tx.query<{ n: number }>('select count(*)::int as n from items where owner_id = $1 and folder_id is null', [source.id])
  const sourceFolders = await tx.query<{ id: string; title: string }>('select id, title from folders where owner_id = $1 order by title', [source.id])
  const plan: Array<{ from: string | null; title: string }> = [
    ...((root?.n ?? 0) > 0 ? [{ from: null, title: rootFolderFor(source.username) }] : []),
    ...sourceFolders.map((f) => ({ from: f.id, title: folderFor(source.username, f.title) })),
  ]
  for (const step of plan) {
    const folder = await ensureFolder(tx, target.id, step.title)
    const n = await moveFolderItems(tx, source.id, step.from, target.id, folder.id)
    moved.items += n
    moved.folders[step.title] = (moved.folders[step.title] ?? 0) + n
  }
  const groups = await tx.query<{ id: string }>('select id from groups where owner_id = $1 order by id for update', [source.id])
  await giveGroups(
    tx,
    groups.map((g) => g.id),
    source.id,
    target,
  )
  moved.groups = groups.length
  await tx.query('delete from folders where owner_id = $1', [source.id])
  return moved
}

export const reassignUserPath = '/community/users/:username/reassign'

/**
 * POST community/users/{u}/reassign `targetUsername` → {success:true}.
 * Privilege portal:admin:reassignUsers. All or nothing: one transaction.
 */
export async function reassignUser(c: Context<AppEnv>) {
  const caller = await requireCaller(c)
  const sourceName = c.req.param('username') ?? ''
  const request = { db: c.get('db'), actor: caller, operation: 'reassign', privilege: 'portal:admin:reassignUsers', target: sourceName }
  await runAudited(request, async (tx, actor) => {
    const targetName = requireParam(c.get('params'), 'targetUsername')
    const members = await lockMembers(tx, actor.orgId, [sourceName, targetName])
    const source = members.get(sourceName.toLowerCase())
    if (!source) throw userNotFound(sourceName)
    const target = assertCanReceiveContent(source.id, targetName, members.get(targetName.toLowerCase()))
    const moved = await moveEverything(tx, source, target)
    return {
      result: undefined,
      target: source.username,
      before: { owner: source.username },
      after: { owner: target.username, ...moved },
    }
  })
  return respond(c, { success: true })
}
