import type { LastSignIn, LoginType, SearchScope, SortField } from '../api/search-view.ts'

/** Words shown for URL values. One place, so chips, menus and cells agree. */

export const SCOPE_LABELS: Record<SearchScope, string> = {
  all: 'All fields',
  fullname: 'Full name',
  firstname: 'First name',
  lastname: 'Last name',
  username: 'Username',
  email: 'Email',
}

export const SORT_LABELS: Record<SortField, string> = {
  fullname: 'Full name',
  username: 'Username',
  created: 'Date added',
  lastlogin: 'Last sign-in',
  role: 'Role',
  userlicensetype: 'User type',
}

export const STATUS_LABELS = { enabled: 'Enabled', disabled: 'Disabled' } as const

export const LAST_SIGN_IN_LABELS: Record<LastSignIn, string> = {
  never: 'Never signed in',
  '7d': 'Within 7 days',
  '30d': 'Within 30 days',
  '90d': 'Within 90 days',
  over90d: 'Over 90 days ago',
  over1y: 'Over 1 year ago',
}

export const LOGIN_TYPE_LABELS: Record<LoginType, string> = {
  arcgis: 'Built-in',
  enterprise: 'Enterprise (SSO)',
  social: 'Social',
}

export const MFA_LABELS = { on: 'MFA on', off: 'MFA off' } as const

const SOCIAL_NAMES: Record<string, string> = { google: 'Google', github: 'GitHub', apple: 'Apple', facebook: 'Facebook' }

/** A member's `provider` as a person reads it. */
export function providerLabel(provider: string): string {
  if (provider === 'arcgis') return LOGIN_TYPE_LABELS.arcgis
  if (provider === 'enterprise') return LOGIN_TYPE_LABELS.enterprise
  return SOCIAL_NAMES[provider] ? `Social (${SOCIAL_NAMES[provider]})` : provider
}
