import type { Context, Hono } from 'hono'
import { requireCaller, requirePrivilege } from '../../auth/caller.ts'
import { findUser } from '../../db/users.ts'
import { PortalError, userNotFound } from '../../http/errors.ts'
import type { AppEnv } from '../../http/context.ts'
import { respond } from '../../http/respond.ts'
import { pageKeys, parsePage } from '../../search/paging.ts'

interface ItemRow {
  id: string
  folder_id: string | null
  title: string
  type: string
  access: string
  size: number
  created: number
  modified: number
}

interface FolderRow {
  id: string
  title: string
  created: number
}

/**
 * GET content/users/{u} and content/users/{u}/{folderId}: a member's items at
 * the root or in one folder, paged, with their folders (portal-api.md §6).
 * Another member's content needs portal:admin:viewItems. Folder ids are
 * 32 hex characters, so the route never shadows content/users/{u}/<operation>.
 */
export function registerGetUserContent(api: Hono<AppEnv>) {
  api.on(['GET', 'POST'], '/content/users/:username', (c) => userContent(c, null))
  api.on(['GET', 'POST'], '/content/users/:username/:folderId{[0-9a-f]{32}}', (c) => userContent(c, c.req.param('folderId')))
}

async function userContent(c: Context<AppEnv>, folderId: string | null) {
  const caller = await requireCaller(c)
  const db = c.get('db')
  const username = c.req.param('username') ?? ''
  // The privilege first: without it, asking for someone else must not tell whether they exist.
  if (username.toLowerCase() !== caller.username.toLowerCase()) requirePrivilege(caller, 'portal:admin:viewItems')
  const owner = await findUser(db, caller.orgId, username)
  if (!owner) throw userNotFound(username)
  const page = parsePage(c.get('params'))

  const folders = await db.query<FolderRow>('select id, title, created from folders where owner_id = $1 order by lower(title), id', [owner.id])
  const folder = folderId === null ? null : folders.find((f) => f.id === folderId)
  if (folder === undefined)
    throw new PortalError(404, 'FOLDER_NOT_FOUND', `Folder '${folderId}' does not exist or is not ${owner.username}'s.`)
  const inFolder = 'owner_id = $1 and folder_id is not distinct from $2'
  const [items, [{ total }]] = await Promise.all([
    db.query<ItemRow>(
      `select id, folder_id, title, type, access, size, created, modified from items where ${inFolder}
        order by created desc, id desc limit $3 offset $4`,
      [owner.id, folderId, page.num, page.start - 1],
    ),
    db.query<{ total: number }>(`select count(*) as total from items where ${inFolder}`, [owner.id, folderId]),
  ])
  const folderView = (f: FolderRow) => ({ username: owner.username, id: f.id, title: f.title, created: f.created })
  return respond(c, {
    username: owner.username,
    ...pageKeys(total, page),
    currentFolder: folder ? folderView(folder) : null,
    items: items.map((item) => ({
      id: item.id,
      owner: owner.username,
      orgId: owner.org_id,
      title: item.title,
      type: item.type,
      typeKeywords: [],
      description: null,
      snippet: null,
      tags: [],
      thumbnail: null,
      url: null,
      access: item.access,
      size: item.size,
      created: item.created,
      modified: item.modified,
      ownerFolder: item.folder_id,
      numViews: 0,
    })),
    // ArcGIS lists the member's folders at the root only.
    folders: folder ? [] : folders.map(folderView),
  })
}
