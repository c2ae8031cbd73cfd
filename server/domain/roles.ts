import type { Queryable } from '../db/connection.ts'
import { badRequest } from '../http/errors.ts'
import { DEFAULT_ROLES, type DefaultRole, isDefaultRole } from './privileges.ts'

/** A role as the rules see it: a default role, or a custom role and its base role. */
export interface RoleInfo {
  /** What the member's `role` column holds: the default role, or the custom role's base role. */
  role: DefaultRole
  /** The custom role's id, or null for a default role. */
  roleId: string | null
  name: string
  privileges: string[]
}

const defaultRole = (role: DefaultRole): RoleInfo => ({
  role,
  roleId: null,
  name: DEFAULT_ROLES[role].name,
  privileges: DEFAULT_ROLES[role].privileges,
})

interface RoleRow {
  id: string
  name: string
  privileges: string[]
  base_role: string
}

function fromRow(row: RoleRow): RoleInfo {
  const base = isDefaultRole(row.base_role) ? row.base_role : 'org_user'
  return { role: base, roleId: row.id, name: row.name, privileges: row.privileges }
}

/** `org_admin` | `org_publisher` | `org_user` | a custom role id of the organization; anything else is a 400. */
export async function resolveRole(db: Queryable, orgId: string, value: string): Promise<RoleInfo> {
  const lower = value.trim().toLowerCase()
  if (isDefaultRole(lower)) return defaultRole(lower)
  // Custom role ids are mixed case ("iAAAAAAAAAAAAAAA"); accept any case, store the canonical id.
  const [row] = await db.query<RoleRow>('select id, name, privileges, base_role from roles where org_id = $1 and lower(id) = $2', [
    orgId,
    lower,
  ])
  if (!row)
    throw badRequest(
      'INVALID_ROLE',
      `'${value}' is not a role of this organization. Use org_admin, org_publisher, org_user or the id of a custom role.`,
    )
  return fromRow(row)
}

/** The role a member holds now. */
export async function roleOfMember(db: Queryable, member: { role: string; role_id: string | null }): Promise<RoleInfo> {
  if (member.role_id) {
    const [row] = await db.query<RoleRow>('select id, name, privileges, base_role from roles where id = $1', [member.role_id])
    if (row) return fromRow(row)
  }
  return defaultRole(isDefaultRole(member.role) ? member.role : 'org_user')
}

/** Both name the same role. */
export const sameRole = (a: RoleInfo, b: RoleInfo) => a.role === b.role && a.roleId === b.roleId

/** Full administrator: the default Administrator role with no custom role. */
export const isFullAdminRole = (r: RoleInfo) => r.role === 'org_admin' && r.roleId === null
