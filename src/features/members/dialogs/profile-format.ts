import { formatDateTime } from '../../../lib/format.ts'

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
  reassign: 'Content moved',
}

export const operationLabel = (operation: string) => OPERATIONS[operation] ?? operation

/** "role: org_user → org_publisher; userLicenseTypeId: …": what an audit entry changed, as text. */
export function describeChange(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])]
  return keys.map((key) => `${key}: ${String(before?.[key] ?? '—')} → ${String(after?.[key] ?? '—')}`).join('; ')
}
