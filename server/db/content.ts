import { randomBytes } from 'node:crypto'
import type { ContentTarget, OwnedCounts } from '../domain/content-rules.ts'
import type { Queryable } from './connection.ts'
import { USER_COLUMNS, type UserRow } from './users.ts'

export type LockedMember = UserRow & { can_own_content: boolean }

/**
 * Locks the named members' rows (FOR UPDATE) in id order, so two moves that
 * touch the same two members never deadlock, and returns them by lower-cased
 * username. Every change of an item's or group's owner holds the owner's and
 * the receiver's row lock; a delete takes the same lock before it counts what
 * the member owns, so a move and a delete of the same member cannot interleave.
 * A member deleted while we waited is simply absent.
 */
export async function lockMembers(tx: Queryable, orgId: string, usernames: string[]): Promise<Map<string, LockedMember>> {
  // The lock is taken on users alone: locked through a join, a row whose user
  // type changed while we waited would be re-checked against the old type's
  // row and silently dropped, reporting a present member as not found.
  const users = await tx.query<UserRow>(
    `select ${USER_COLUMNS} from users u
      where u.org_id = $1 and lower(u.username) = any($2::text[])
      order by u.id
      for update`,
    [orgId, usernames.map((n) => n.toLowerCase())],
  )
  const types = await tx.query<{ id: string; can_own_content: boolean }>(
    'select id, can_own_content from user_types where org_id = $1 and id = any($2::text[])',
    [orgId, [...new Set(users.map((u) => u.user_type_id))]],
  )
  const canOwn = new Map(types.map((t) => [t.id, t.can_own_content]))
  return new Map(users.map((row) => [row.username.toLowerCase(), { ...row, can_own_content: canOwn.get(row.user_type_id) ?? false }]))
}

export async function countOwned(tx: Queryable, userId: string): Promise<OwnedCounts> {
  const [row] = await tx.query<OwnedCounts>(
    `select (select count(*)::int from items where owner_id = $1) as items,
            (select count(*)::int from groups where owner_id = $1) as groups`,
    [userId],
  )
  return row ?? { items: 0, groups: 0 }
}

/** The target's folder with this exact title, created when missing. */
export async function ensureFolder(tx: Queryable, ownerId: string, title: string): Promise<{ id: string; created: boolean }> {
  const inserted = await tx.query<{ id: string }>(
    'insert into folders (id, owner_id, title, created) values ($1,$2,$3,$4) on conflict (owner_id, title) do nothing returning id',
    [randomBytes(16).toString('hex'), ownerId, title, Date.now()],
  )
  if (inserted[0]) return { id: inserted[0].id, created: true }
  const [existing] = await tx.query<{ id: string }>('select id from folders where owner_id = $1 and title = $2', [ownerId, title])
  if (!existing) throw new Error(`folder ${title} vanished`)
  return { id: existing.id, created: false }
}

/**
 * Gives groups to a new owner: the receiver becomes the owner member, the
 * previous owner stays in the group as a plain 'admin' member (ArcGIS keeps
 * the previous owner in the group; 'admin' lets them keep managing it).
 */
export async function giveGroups(tx: Queryable, groupIds: string[], fromId: string, to: ContentTarget): Promise<void> {
  if (groupIds.length === 0) return
  const now = Date.now()
  await tx.query('update groups set owner_id = $2, modified = $3 where id = any($1::text[])', [groupIds, to.id, now])
  await tx.query(
    "update group_members set member_type = 'admin' where group_id = any($1::text[]) and user_id = $2",
    [groupIds, fromId],
  )
  await tx.query(
    `insert into group_members (group_id, user_id, member_type, joined)
     select g, $2, 'owner', $3 from unnest($1::text[]) as g
     on conflict (group_id, user_id) do update set member_type = 'owner'`,
    [groupIds, to.id, now],
  )
}

/**
 * Moves the items of one source folder (or the root, folderId null) into a target folder, and their
 * size from the source's storage use to the target's; returns how many items moved.
 */
export async function moveFolderItems(
  tx: Queryable,
  fromId: string,
  folderId: string | null,
  toId: string,
  toFolderId: string,
): Promise<number> {
  const [row] = await tx.query<{ n: number; bytes: number }>(
    `with moved as (
       update items set owner_id = $3, folder_id = $4, modified = $5
        where owner_id = $1 and folder_id is not distinct from $2
       returning size)
     select count(*)::int as n, coalesce(sum(size), 0)::float8 as bytes from moved`,
    [fromId, folderId, toId, toFolderId, Date.now()],
  )
  await moveStorageUse(tx, fromId, toId, row?.bytes ?? 0)
  return row?.n ?? 0
}

/** Moves one item to another owner (and folder, null = their root), with its size in their storage use. */
export async function moveItem(tx: Queryable, item: { id: string; ownerId: string }, toId: string, toFolderId: string | null): Promise<void> {
  const [row] = await tx.query<{ size: number }>('update items set owner_id = $2, folder_id = $3, modified = $4 where id = $1 returning size', [
    item.id,
    toId,
    toFolderId,
    Date.now(),
  ])
  await moveStorageUse(tx, item.ownerId, toId, row?.size ?? 0)
}

/**
 * Storage use follows the items (a profile's "Storage" would otherwise still count them at the member
 * who gave them away). Both members are locked by the caller (lockMembers).
 */
async function moveStorageUse(tx: Queryable, fromId: string, toId: string, bytes: number): Promise<void> {
  if (!bytes) return
  await tx.query(
    `update users set storage_usage = case when id = $1 then greatest(storage_usage - $3, 0) else storage_usage + $3 end
      where id in ($1, $2)`,
    [fromId, toId, bytes],
  )
}

/** What deleting a member removed with them (for the audit record). */
export interface RemovedWithMember {
  folders: number
  groupMemberships: number
  tokens: number
  oauthCodes: number
}

/**
 * Deletes a member who owns nothing (the caller checked, under the row lock):
 * their empty folders, group memberships, tokens and OAuth codes, then the member.
 */
export async function deleteMemberRows(tx: Queryable, member: { id: string; username: string }): Promise<RemovedWithMember> {
  const count = async (sql: string) => (await tx.query<{ n: number }>(`with gone as (${sql} returning 1) select count(*)::int as n from gone`, [member.id]))[0]?.n ?? 0
  const removed = {
    tokens: await count('delete from tokens where user_id = $1'),
    oauthCodes: await count('delete from oauth_codes where user_id = $1'),
    groupMemberships: await count('delete from group_members where user_id = $1'),
    folders: await count('delete from folders where owner_id = $1'),
  }
  await tx.query('delete from users where id = $1', [member.id])
  // A member later created with the same name starts with a clean sign-in record.
  await tx.query('delete from sign_in_failures where key = $1', [`user:${member.username.toLowerCase()}`])
  return removed
}
