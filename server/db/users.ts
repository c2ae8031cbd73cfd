import type { Queryable } from './connection.ts'

/** A users row as the queries below select it (no password hash, no search keys). */
export interface UserRow {
  id: string
  org_id: string
  username: string
  full_name: string
  first_name: string
  last_name: string
  email: string
  description: string
  idp_username: string | null
  role: string
  role_id: string | null
  user_type_id: string
  provider: string
  disabled: boolean
  mfa_enabled: boolean
  access: string
  culture: string
  region: string
  units: string
  tags: string[]
  storage_usage: number
  storage_quota: number
  last_login: number
  created: number
  modified: number
  must_change_password: boolean
}

export const USER_COLUMNS = `u.id, u.org_id, u.username, u.full_name, u.first_name, u.last_name, u.email, u.description,
  u.idp_username, u.role, u.role_id, u.user_type_id, u.provider, u.disabled, u.mfa_enabled, u.access, u.culture,
  u.region, u.units, u.tags, u.storage_usage, u.storage_quota, u.last_login, u.created, u.modified, u.must_change_password`

/** Usernames compare case-insensitively, as in ArcGIS. */
export async function findUser(db: Queryable, orgId: string, username: string): Promise<UserRow | undefined> {
  const [row] = await db.query<UserRow>(
    `select ${USER_COLUMNS} from users u where lower(u.username) = lower($1) and u.org_id = $2`,
    [username, orgId],
  )
  return row
}

/** Same, locking the row until the transaction ends (for rules that read then write). */
export async function findUserForUpdate(db: Queryable, orgId: string, username: string): Promise<UserRow | undefined> {
  const [row] = await db.query<UserRow>(
    `select ${USER_COLUMNS} from users u where lower(u.username) = lower($1) and u.org_id = $2 for update`,
    [username, orgId],
  )
  return row
}

/** The member as the ArcGIS REST API reports them (portal-api.md §5). */
export function toPortalUser(row: UserRow) {
  return {
    username: row.username,
    id: row.id,
    fullName: row.full_name,
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    description: row.description,
    idpUsername: row.idp_username,
    lastLogin: row.last_login,
    mfaEnabled: row.mfa_enabled,
    access: row.access,
    storageUsage: row.storage_usage,
    storageQuota: row.storage_quota,
    orgId: row.org_id,
    role: row.role,
    roleId: row.role_id ?? undefined,
    userLicenseTypeId: row.user_type_id,
    disabled: row.disabled,
    provider: row.provider,
    created: row.created,
    modified: row.modified,
    culture: row.culture,
    region: row.region,
    units: row.units,
    tags: row.tags,
    thumbnail: null,
    userType: 'arcgisonly',
  }
}

/** What any member of the organization may see of another (no email, no admin fields). */
export function toPublicUser(row: UserRow) {
  return {
    username: row.username,
    id: row.id,
    fullName: row.full_name,
    firstName: row.first_name,
    lastName: row.last_name,
    description: row.description,
    orgId: row.org_id,
    created: row.created,
    modified: row.modified,
    culture: row.culture,
    region: row.region,
    units: row.units,
    tags: row.tags,
    thumbnail: null,
  }
}
