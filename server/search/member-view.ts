import type { Caller } from '../auth/caller.ts'
import type { Queryable } from '../db/connection.ts'
import { toPortalUser, toPublicUser, type UserRow } from '../db/users.ts'
import { DEFAULT_ROLES, isDefaultRole } from '../domain/privileges.ts'
import type { SearchAudience } from './user-search.ts'

export const VIEW_USERS = 'portal:admin:viewUsers'

/** Who the caller is to a member search: an administrator who may view members, a plain member, or nobody. */
export function audienceOf(caller: Caller | undefined): SearchAudience {
  if (!caller) return { kind: 'anonymous' }
  return caller.privileges.has(VIEW_USERS) ? { kind: 'admin' } : { kind: 'member', selfId: caller.userId }
}

/** Whether the caller sees the member's full record: their own, or one of their org's as an administrator. */
export function seesFullRecord(row: UserRow, caller: Caller | undefined): boolean {
  if (!caller) return false
  return row.id === caller.userId || (row.org_id === caller.orgId && caller.privileges.has(VIEW_USERS))
}

/** Whether the member is visible to the caller at all (ArcGIS profile access: private, org, public). */
export function canSeeMember(row: UserRow, caller: Caller | undefined): boolean {
  if (row.access === 'public' || seesFullRecord(row, caller)) return true
  return caller !== undefined && row.org_id === caller.orgId && row.access !== 'private'
}

/** A search result: the full record where the caller may see it, else the public one. */
export function viewMember(row: UserRow, caller: Caller | undefined) {
  return seesFullRecord(row, caller) ? toPortalUser(row) : toPublicUser(row)
}

/** The privileges a member holds: their custom role's, else their default role's. */
export async function memberPrivileges(db: Queryable, row: UserRow): Promise<string[]> {
  if (row.role_id) {
    const [role] = await db.query<{ privileges: string[] }>('select privileges from roles where id = $1', [row.role_id])
    return role?.privileges ?? []
  }
  return isDefaultRole(row.role) ? DEFAULT_ROLES[row.role].privileges : []
}

/** The groups a member belongs to, as the `groups` key of a user answer. */
export async function memberGroups(db: Queryable, member: { id: string; username: string }) {
  const rows = await db.query<{ id: string; title: string; owner: string; access: string; member_type: string; created: number; modified: number }>(
    `select g.id, g.title, o.username as owner, g.access, m.member_type, g.created, g.modified
       from group_members m join groups g on g.id = m.group_id join users o on o.id = g.owner_id
      where m.user_id = $1 order by g.title, g.id`,
    [member.id],
  )
  return rows.map((g) => ({
    id: g.id,
    title: g.title,
    owner: g.owner,
    access: g.access,
    created: g.created,
    modified: g.modified,
    userMembership: { username: member.username, memberType: g.member_type },
  }))
}

/** The full record of a member with privileges and groups (community/self, a member's own or an admin's view). */
export async function fullMember(db: Queryable, row: UserRow) {
  const [privileges, groups] = await Promise.all([memberPrivileges(db, row), memberGroups(db, row)])
  return { ...toPortalUser(row), privileges, groups }
}
