import { DATA_EDITOR_ROLE_ID, USER_TYPES, VIEWER_ROLE_ID } from '../domain/privileges.ts'

/**
 * The `q` fields of a member search (portal-api.md §4) and how each is
 * stored. Text fields match words of their search-key column; keyword fields
 * match an exact value; numbers take ranges.
 */
export type UserField =
  | { kind: 'text'; column: string }
  | { kind: 'keyword'; column: string; canonical?: (value: string) => string }
  | { kind: 'role' }
  | { kind: 'boolean'; column: string }
  | { kind: 'number'; column: string }

const byLowerCase = (values: string[]) => {
  const map = new Map(values.map((v) => [v.toLowerCase(), v]))
  return (value: string) => map.get(value.toLowerCase()) ?? value
}

/** Known ids are matched in any case (people type `creatorut`); others as given. */
const canonicalUserType = byLowerCase(USER_TYPES.map((t) => t.id))
export const canonicalRole = byLowerCase(['org_admin', 'org_publisher', 'org_user', VIEWER_ROLE_ID, DATA_EDITOR_ROLE_ID])

export const USER_FIELDS: Record<string, UserField> = {
  username: { kind: 'text', column: 'u.username_key' },
  fullname: { kind: 'text', column: 'u.full_name_key' },
  firstname: { kind: 'text', column: 'u.first_name_key' },
  lastname: { kind: 'text', column: 'u.last_name_key' },
  email: { kind: 'text', column: 'u.email_key' },
  role: { kind: 'role' },
  userlicensetype: { kind: 'keyword', column: 'u.user_type_id', canonical: canonicalUserType },
  provider: { kind: 'keyword', column: 'u.provider', canonical: (v) => v.toLowerCase() },
  disabled: { kind: 'boolean', column: 'u.disabled' },
  mfaenabled: { kind: 'boolean', column: 'u.mfa_enabled' },
  created: { kind: 'number', column: 'u.created' },
  lastlogin: { kind: 'number', column: 'u.last_login' },
  orgid: { kind: 'keyword', column: 'u.org_id' },
  // ArcGIS reports the organization as accountid in some places; same value.
  accountid: { kind: 'keyword', column: 'u.org_id' },
}

export const USER_FIELD_NAMES = Object.keys(USER_FIELDS)

/** What any member may search by: the fields of toPublicUser. */
export const PUBLIC_USER_FIELD_NAMES = ['username', 'fullname', 'firstname', 'lastname', 'created', 'orgid', 'accountid']

/** Bare terms for a plain member skip the email column: an email is not theirs to probe. */
export const PUBLIC_NAME_COLUMNS = ['u.username_key', 'u.full_name_key', 'u.first_name_key', 'u.last_name_key']
