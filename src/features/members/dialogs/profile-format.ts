import { formatDateTime } from '../../../lib/format.ts'
import { roleNameOf, userTypeNameOf } from '../domain/member-facts.ts'

/** Date and time, or `never` for a time the portal does not have (-1, null). */
export function formatWhen(epochMs: number | undefined | null, never = 'Never'): string {
  if (epochMs == null || epochMs < 0) return never
  return formatDateTime(epochMs)
}

export function formatBytes(bytes: number | undefined): string {
  if (!bytes) return '0 B'
  const units = ['B', 'KB', 'MB', 'GB', 'TB']
  const exponent = Math.min(units.length - 1, Math.floor(Math.log(bytes) / Math.log(1024)))
  const value = bytes / 1024 ** exponent
  return `${value >= 10 || exponent === 0 ? Math.round(value) : value.toFixed(1)} ${units[exponent]}`
}

const OPERATIONS: Record<string, string> = {
  updateUserRole: 'Role changed',
  updateUserLicenseType: 'User type changed',
  disableUsers: 'Disabled',
  disable: 'Disabled',
  enableUsers: 'Enabled',
  enable: 'Enabled',
  reset: 'Password reset',
  resetPassword: 'Password reset',
  update: 'Profile edited',
  updateProfile: 'Profile edited',
  changePassword: 'Password changed by the member',
  reassign: 'Content moved',
  reassignItem: 'Item moved',
  reassignGroup: 'Group moved',
  delete: 'Deleted',
}

export const operationLabel = (operation: string) => OPERATIONS[operation] ?? operation

/** Names the portal lists, so a change reads "Publisher → Viewer", not role and role ids. */
export interface ChangeNames {
  roles: readonly { id: string; name: string }[]
  userTypes: readonly { id: string; name: string }[]
}

type Fields = Record<string, unknown>

const FIELD_LABELS: Record<string, string> = {
  owner: 'Owner',
  folder: 'Folder',
  title: 'Title',
  fullName: 'Full name',
  email: 'Email',
  items: 'Items moved',
  groups: 'Groups moved',
}
/** Said by the lines above, or ids nobody reads. */
const NOT_SHOWN = new Set(['role', 'roleId', 'userLicenseTypeId', 'disabled', 'mustChangePassword', 'sessionsEnded', 'itemId', 'groupId', 'folderCreated'])

const text = (value: unknown) => (value == null || value === '' ? '—' : String(value))

function roleOf(fields: Fields | null, names: ChangeNames): string | null {
  if (!fields || typeof fields.role !== 'string') return null
  return roleNameOf({ role: fields.role, roleId: typeof fields.roleId === 'string' ? fields.roleId : undefined }, names.roles)
}

/**
 * What an audit entry changed, in words: "Role: Publisher → Viewer; User type: Creator → Viewer". Fields that
 * did not change are left out; ids become the names the portal lists.
 */
export function describeChange(before: Fields | null, after: Fields | null, names: ChangeNames = { roles: [], userTypes: [] }): string {
  const parts: string[] = []
  const [roleBefore, roleAfter] = [roleOf(before, names), roleOf(after, names)]
  if (roleAfter && roleBefore !== roleAfter) parts.push(`Role: ${roleBefore ?? '—'} → ${roleAfter}`)
  const [typeBefore, typeAfter] = [before?.userLicenseTypeId, after?.userLicenseTypeId]
  if (typeof typeAfter === 'string' && typeBefore !== typeAfter)
    parts.push(`User type: ${typeof typeBefore === 'string' ? userTypeNameOf(typeBefore, names.userTypes) : '—'} → ${userTypeNameOf(typeAfter, names.userTypes)}`)
  if (typeof after?.disabled === 'boolean' && before?.disabled !== after.disabled) parts.push(after.disabled ? 'Now disabled' : 'Now enabled')
  if (after?.sessionsEnded === true) parts.push('Signed out everywhere')
  if (after?.mustChangePassword === true) parts.push('Must choose a new password at the next sign-in')
  for (const key of [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])]) {
    if (NOT_SHOWN.has(key) || text(before?.[key]) === text(after?.[key])) continue
    const label = FIELD_LABELS[key] ?? key
    parts.push(before && key in before ? `${label}: ${text(before[key])} → ${text(after?.[key])}` : `${label}: ${text(after?.[key])}`)
  }
  return parts.join('; ')
}
