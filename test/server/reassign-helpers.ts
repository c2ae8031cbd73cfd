import { expect } from 'vitest'
import type { Queryable } from '../../server/db/connection.ts'
import { insertFolder, insertGroup, insertItem, insertMember, type MemberInput } from '../../server/seed/org.ts'
import type { TestServer } from './harness.ts'

/** The organization's content totals: what every reassign-then-delete path must conserve. */
export async function orgTotals(db: Queryable, orgId: string) {
  const [row] = await db.query<{ items: number; groups: number }>(
    `select (select count(*)::int from items i join users u on u.id = i.owner_id where u.org_id = $1) as items,
            (select count(*)::int from groups where org_id = $1) as groups`,
    [orgId],
  )
  return row!
}

/** Adds a member to the test organization (and to server.org.ids, so tokenFor works). */
export async function addMember(server: TestServer, username: string, fields: Omit<MemberInput, 'username'> = {}) {
  const id = await insertMember(server.db, server.org.orgId, { username, lastLogin: Date.now() - 1000, ...fields })
  server.org.ids[username] = id
  return id
}

/** Gives a member root items, folders holding items, and groups. */
export async function addContent(db: Queryable, orgId: string, ownerId: string, content: { root?: number; folders?: Record<string, number>; groups?: number }) {
  for (let i = 0; i < (content.root ?? 0); i++) await insertItem(db, ownerId, { title: `root ${i}` })
  for (const [title, n] of Object.entries(content.folders ?? {})) {
    const folderId = await insertFolder(db, ownerId, title)
    for (let i = 0; i < n; i++) await insertItem(db, ownerId, { title: `${title} ${i}`, folderId })
  }
  const groups: string[] = []
  for (let i = 0; i < (content.groups ?? 0); i++) groups.push(await insertGroup(db, orgId, ownerId, `group ${ownerId.slice(0, 6)} ${i}`))
  return groups
}

/** What a member owns: items per folder title ('' = root), group ids, folder titles. */
export async function ownedBy(db: Queryable, userId: string) {
  const items = await db.query<{ folder: string; n: number }>(
    `select coalesce(f.title, '') as folder, count(*)::int as n
       from items i left join folders f on f.id = i.folder_id
      where i.owner_id = $1 group by 1 order by 1`,
    [userId],
  )
  const groups = await db.query<{ id: string }>('select id from groups where owner_id = $1 order by id', [userId])
  const folders = await db.query<{ title: string }>('select title from folders where owner_id = $1 order by title', [userId])
  return {
    items: Object.fromEntries(items.map((r) => [r.folder, r.n])) as Record<string, number>,
    itemCount: items.reduce((sum, r) => sum + r.n, 0),
    groups: groups.map((g) => g.id),
    folders: folders.map((f) => f.title),
  }
}

export async function memberExists(db: Queryable, userId: string) {
  return (await db.query('select 1 from users where id = $1', [userId])).length === 1
}

export async function lastAudit(db: Queryable, operation: string, target: string) {
  const [row] = await db.query<{ actor: string; outcome: string; message_code: string | null; before: any; after: any }>(
    'select actor, outcome, message_code, before, after from audit_log where operation = $1 and target = $2 order by id desc limit 1',
    [operation, target],
  )
  return row
}

/** Asserts an ArcGIS error envelope with this code and messageCode. */
export function expectError(body: any, code: number, messageCode: string) {
  expect(body.error, JSON.stringify(body)).toBeDefined()
  expect(body.error.code).toBe(code)
  expect(body.error.messageCode).toBe(messageCode)
  expect(typeof body.error.message).toBe('string')
  expect(Array.isArray(body.error.details)).toBe(true)
}

/**
 * A member of a second organization. Built by hand: createOrganization cannot
 * run twice in one database (the built-in Viewer / Data Editor role ids are
 * global primary keys).
 */
export async function addOtherOrgMember(db: Queryable, username: string) {
  const orgId = `other${Math.random().toString(16).slice(2, 10)}`
  await db.query("insert into orgs (id, url_key, name, max_users, created, modified) values ($1, $1, 'Other org', 5, 0, 0)", [orgId])
  await db.query(
    "insert into user_types (org_id, id, name, privileges, can_own_content, level, max_users) values ($1, 'creatorUT', 'Creator', '{}', true, 3, 5)",
    [orgId],
  )
  return insertMember(db, orgId, { username })
}
