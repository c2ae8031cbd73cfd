import type { Queryable } from '../db/connection.ts'
import { ADMIN_PRIVILEGES, DATA_EDITOR_ROLE_ID, type DefaultRole, USER_PRIVILEGES, USER_TYPES, VIEWER_PRIVILEGES, VIEWER_ROLE_ID } from '../domain/privileges.ts'
import { insertRows, withIndexesBuiltAfter } from './bulk.ts'
import { DAY, type DemoMember, type DemoRole } from './demo-plan.ts'
import { createOrganization, createRole, MEMBER_COLUMNS, memberValues, newId } from './org.ts'

export const DEMO_ORG_NAME = 'Members Demo'
export const DEMO_URL_KEY = 'membersdemo'
/** The type that is nearly full: assigning it to two more members must fail for the second (rule 5). */
export const NEARLY_FULL_TYPE = 'GISProfessionalAdvUT'

export interface BuildInput {
  adminUsername: string
  adminPasswordHash: string
  /** The one hash every built-in demo member shares; null when there are no demo members. */
  memberPasswordHash: string | null
  members: DemoMember[]
  now: number
}

export interface BuildResult {
  orgId: string
  adminId: string
  /** Member id by username, the first administrator included. */
  ids: Map<string, string>
  items: number
  groups: number
}

/** Creates the organization, its custom roles, the first administrator and the planned members with their content. */
export async function buildDemoOrganization(tx: Queryable, input: BuildInput): Promise<BuildResult> {
  const seats = licenseSeats(input.members)
  const orgId = await createOrganization(tx, {
    name: DEMO_ORG_NAME,
    urlKey: DEMO_URL_KEY,
    maxUsers: Object.values(seats).reduce((a, b) => a + b, 0),
    seats,
  })
  const roles = await createCustomRoles(tx, orgId)
  const admin = memberValues(orgId, {
    username: input.adminUsername, firstName: 'Demo', lastName: 'Administrator', role: 'org_admin',
    userTypeId: 'creatorUT', created: input.now, passwordHash: input.adminPasswordHash,
  })
  const ids = new Map([[input.adminUsername, admin[0] as string]])
  const rows = [admin]
  for (const m of input.members) {
    const values = memberValues(orgId, {
      ...m,
      ...roles[m.role],
      passwordHash: m.provider === 'arcgis' ? input.memberPasswordHash : null,
      storageUsage: m.items.reduce((sum, item) => sum + item.size, 0),
    })
    ids.set(m.username, values[0] as string)
    rows.push(values)
  }
  await withIndexesBuiltAfter(tx, 'users', () => insertRows(tx, 'users', MEMBER_COLUMNS, rows))
  const content = await insertContent(tx, orgId, input.members, ids, input.now)
  return { orgId, adminId: admin[0] as string, ids, ...content }
}

/** Seats per user type: what the members use plus realistic headroom; one type has a single free seat. */
export function licenseSeats(members: DemoMember[]): Record<string, number> {
  const assigned: Record<string, number> = Object.fromEntries(USER_TYPES.map((t) => [t.id, 0]))
  assigned.creatorUT! += 1 // the first administrator
  for (const m of members) assigned[m.userTypeId]! += 1
  return Object.fromEntries(
    Object.entries(assigned).map(([type, used]) => [type, type === NEARLY_FULL_TYPE ? used + 1 : used + Math.max(5, Math.ceil(used * 0.12))]),
  )
}

async function createCustomRoles(tx: Queryable, orgId: string): Promise<Record<DemoRole, { role: DefaultRole; roleId: string | null }>> {
  const memberManager = await createRole(tx, orgId, {
    name: 'Member Manager',
    description: 'Manages members: profiles, roles, user types and licenses. Cannot delete members.',
    privileges: [...USER_PRIVILEGES, ...ADMIN_PRIVILEGES.filter((p) => p !== 'portal:admin:deleteUsers')],
    baseRole: 'org_admin',
  })
  const analyst = await createRole(tx, orgId, {
    name: 'Analyst',
    description: 'Creates items and shares them with groups; cannot share to the whole organization.',
    privileges: [...VIEWER_PRIVILEGES, 'features:user:edit', 'portal:user:createItem', 'portal:user:shareToGroup'],
    baseRole: 'org_user',
  })
  return {
    administrator: { role: 'org_admin', roleId: null },
    publisher: { role: 'org_publisher', roleId: null },
    user: { role: 'org_user', roleId: null },
    viewer: { role: 'org_user', roleId: VIEWER_ROLE_ID },
    dataEditor: { role: 'org_user', roleId: DATA_EDITOR_ROLE_ID },
    memberManager: { role: 'org_admin', roleId: memberManager },
    analyst: { role: 'org_user', roleId: analyst },
  }
}

async function insertContent(tx: Queryable, orgId: string, members: DemoMember[], ids: Map<string, string>, now: number) {
  const folders: unknown[][] = []
  const items: unknown[][] = []
  const groups: unknown[][] = []
  const groupMembers: unknown[][] = []
  for (const m of members) {
    const ownerId = ids.get(m.username)!
    const when = Math.min(now, m.created + DAY)
    const folderIds = new Map(m.folders.map((title) => [title, newId()]))
    for (const [title, id] of folderIds) folders.push([id, ownerId, title, when])
    for (const item of m.items) items.push([newId(), ownerId, item.folder && folderIds.get(item.folder), item.title, item.type, item.size, when, when])
    for (const group of m.groups) {
      const groupId = newId()
      groups.push([groupId, orgId, ownerId, group.title, when, when])
      groupMembers.push([groupId, ownerId, 'owner', when])
      for (const username of group.members) groupMembers.push([groupId, ids.get(username)!, 'member', when])
    }
  }
  await insertRows(tx, 'folders', ['id', 'owner_id', 'title', 'created'], folders)
  await insertRows(tx, 'items', ['id', 'owner_id', 'folder_id', 'title', 'type', 'size', 'created', 'modified'], items)
  await insertRows(tx, 'groups', ['id', 'org_id', 'owner_id', 'title', 'created', 'modified'], groups)
  await insertRows(tx, 'group_members', ['group_id', 'user_id', 'member_type', 'joined'], groupMembers)
  return { items: items.length, groups: groups.length }
}
