import type { Queryable } from '../db/connection.ts'
import { lockSeatRows } from '../db/seat-counts.ts'
import { badRequest } from '../http/errors.ts'

/** A user type of the organization as the rules see it. */
export interface UserTypeInfo {
  id: string
  name: string
  /** The ceiling: every privilege a member of this type may hold. */
  privileges: string[]
  canOwnContent: boolean
  level: number
  maxUsers: number
}

interface UserTypeRow {
  id: string
  name: string
  privileges: string[]
  can_own_content: boolean
  level: number
  max_users: number
}

const COLUMNS = 'id, name, privileges, can_own_content, level, max_users'

const fromRow = (r: UserTypeRow): UserTypeInfo => ({
  id: r.id,
  name: r.name,
  privileges: r.privileges,
  canOwnContent: r.can_own_content,
  level: r.level,
  maxUsers: r.max_users,
})

/** Every user type of the organization, lowest level first. */
export async function loadUserTypes(db: Queryable, orgId: string): Promise<UserTypeInfo[]> {
  const rows = await db.query<UserTypeRow>(`select ${COLUMNS} from user_types where org_id = $1 order by level, id`, [orgId])
  return rows.map(fromRow)
}

/** Finds a type among those loaded; ids match case-insensitively ("creatorut" = "creatorUT"). */
export function pickUserType(types: UserTypeInfo[], id: string): UserTypeInfo {
  const type = types.find((t) => t.id.toLowerCase() === id.trim().toLowerCase())
  if (!type)
    throw badRequest(
      'INVALID_USER_TYPE',
      `'${id}' is not a user type of this organization. Use one of: ${types.map((t) => t.id).join(', ')}.`,
    )
  return type
}

/**
 * Rule 5 (license seats): locks the type's row until the transaction ends and
 * reads the seats taken, which the database keeps on that row as members come,
 * go or change type (migrations/007_assigned_seats.sql). Two transactions
 * wanting the last seat queue on the lock, and the second reads the first's
 * seat once it commits.
 */
export async function lockSeatsOf(tx: Queryable, orgId: string, typeId: string, leaving?: string): Promise<{ assigned: number; maxUsers: number }> {
  // The type the member leaves too: the seat triggers will lock both.
  const rows = await lockSeatRows(tx, (leaving ? [typeId, leaving] : [typeId]).map((id) => ({ orgId, id })))
  const type = rows.find((row) => row.id === typeId)
  return { assigned: type?.assigned_users ?? 0, maxUsers: type?.max_users ?? 0 }
}
