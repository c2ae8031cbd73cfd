import { randomBytes } from 'node:crypto'
import type { Queryable } from '../db/connection.ts'
import { DATA_EDITOR_PRIVILEGES, DATA_EDITOR_ROLE_ID, USER_TYPES, VIEWER_PRIVILEGES, VIEWER_ROLE_ID } from '../domain/privileges.ts'
import { CONSOLE_CLIENT_ID } from '../console.ts'
import { userSearchKeys } from '../search/keys.ts'

/** A 32-hex id, as ArcGIS ids look. */
export const newId = () => randomBytes(16).toString('hex')

export interface OrganizationInput {
  id?: string
  name: string
  urlKey: string
  maxUsers: number
  /** Seats per user type id; types not listed get maxUsers. */
  seats?: Record<string, number>
  /** Redirect URIs registered for the console's OAuth client. */
  redirectUris?: string[]
}

/** Creates an organization with every known user type, the two built-in custom roles and the console's OAuth client. */
export async function createOrganization(db: Queryable, input: OrganizationInput): Promise<string> {
  const id = input.id ?? newId().slice(0, 16)
  const now = Date.now()
  await db.query('insert into orgs (id, url_key, name, max_users, created, modified) values ($1,$2,$3,$4,$5,$5)', [
    id, input.urlKey, input.name, input.maxUsers, now,
  ])
  for (const type of USER_TYPES) {
    await db.query(
      `insert into user_types (org_id, id, name, description, privileges, can_own_content, level, max_users)
       values ($1,$2,$3,$4,$5,$6,$7,$8)`,
      [id, type.id, type.name, type.description, type.privileges, type.canOwnContent, type.level, input.seats?.[type.id] ?? input.maxUsers],
    )
  }
  await createRole(db, id, { id: VIEWER_ROLE_ID, name: 'Viewer', description: 'Views content shared with them.', privileges: VIEWER_PRIVILEGES, baseRole: 'org_user' })
  await createRole(db, id, { id: DATA_EDITOR_ROLE_ID, name: 'Data Editor', description: 'Views and edits data.', privileges: DATA_EDITOR_PRIVILEGES, baseRole: 'org_user' })
  await db.query('insert into oauth_clients (client_id, org_id, name, redirect_uris) values ($1,$2,$3,$4) on conflict do nothing', [
    CONSOLE_CLIENT_ID, id, 'Members console', input.redirectUris ?? [],
  ])
  return id
}

export interface RoleInput {
  id?: string
  name: string
  description?: string
  privileges: string[]
  baseRole: 'org_admin' | 'org_publisher' | 'org_user'
}

export async function createRole(db: Queryable, orgId: string, role: RoleInput): Promise<string> {
  const id = role.id ?? newId().slice(0, 16)
  const now = Date.now()
  await db.query(
    'insert into roles (id, org_id, name, description, privileges, base_role, created, modified) values ($1,$2,$3,$4,$5,$6,$7,$7)',
    [id, orgId, role.name, role.description ?? '', role.privileges, role.baseRole, now],
  )
  return id
}

export interface MemberInput {
  username: string
  fullName?: string
  firstName?: string
  lastName?: string
  email?: string
  role?: 'org_admin' | 'org_publisher' | 'org_user'
  roleId?: string | null
  userTypeId?: string
  provider?: string
  idpUsername?: string | null
  disabled?: boolean
  mfaEnabled?: boolean
  lastLogin?: number
  created?: number
  passwordHash?: string | null
  storageUsage?: number
}

/** Column order shared by insertMember and the bulk seeder. */
export const MEMBER_COLUMNS = [
  'id', 'org_id', 'username', 'full_name', 'first_name', 'last_name', 'email', 'idp_username', 'role', 'role_id',
  'user_type_id', 'provider', 'disabled', 'mfa_enabled', 'last_login', 'created', 'modified', 'password_hash',
  'storage_usage', 'username_key', 'full_name_key', 'first_name_key', 'last_name_key', 'email_key', 'search_key',
] as const

/** The values of one member, in MEMBER_COLUMNS order, with defaults filled in. */
export function memberValues(orgId: string, m: MemberInput): unknown[] {
  const firstName = m.firstName ?? ''
  const lastName = m.lastName ?? ''
  const fullName = m.fullName ?? [firstName, lastName].filter(Boolean).join(' ')
  const email = m.email ?? `${m.username.toLowerCase()}@example.com`
  const created = m.created ?? Date.now()
  const keys = userSearchKeys({ username: m.username, fullName, firstName, lastName, email })
  return [
    newId(), orgId, m.username, fullName, firstName, lastName, email, m.idpUsername ?? null, m.role ?? 'org_user',
    m.roleId ?? null, m.userTypeId ?? 'creatorUT', m.provider ?? 'arcgis', m.disabled ?? false, m.mfaEnabled ?? false,
    m.lastLogin ?? -1, created, created, m.passwordHash ?? null, m.storageUsage ?? 0,
    keys.username_key, keys.full_name_key, keys.first_name_key, keys.last_name_key, keys.email_key, keys.search_key,
  ]
}

/** Inserts one member and returns their id. */
export async function insertMember(db: Queryable, orgId: string, member: MemberInput): Promise<string> {
  const values = memberValues(orgId, member)
  const placeholders = values.map((_, i) => `$${i + 1}`).join(',')
  await db.query(`insert into users (${MEMBER_COLUMNS.join(',')}) values (${placeholders})`, values)
  return values[0] as string
}

export async function insertFolder(db: Queryable, ownerId: string, title: string): Promise<string> {
  const id = newId()
  await db.query('insert into folders (id, owner_id, title, created) values ($1,$2,$3,$4)', [id, ownerId, title, Date.now()])
  return id
}

export async function insertItem(db: Queryable, ownerId: string, item: { title: string; type?: string; folderId?: string | null; size?: number }): Promise<string> {
  const id = newId()
  const now = Date.now()
  await db.query(
    'insert into items (id, owner_id, folder_id, title, type, size, created, modified) values ($1,$2,$3,$4,$5,$6,$7,$7)',
    [id, ownerId, item.folderId ?? null, item.title, item.type ?? 'Web Map', item.size ?? 1024, now],
  )
  return id
}

export async function insertGroup(db: Queryable, orgId: string, ownerId: string, title: string): Promise<string> {
  const id = newId()
  const now = Date.now()
  await db.query('insert into groups (id, org_id, owner_id, title, created, modified) values ($1,$2,$3,$4,$5,$5)', [id, orgId, ownerId, title, now])
  await db.query("insert into group_members (group_id, user_id, member_type, joined) values ($1,$2,'owner',$3)", [id, ownerId, now])
  return id
}
