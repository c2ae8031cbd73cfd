/** A member as the portal reports it (portal-api.md §5): the fields the console uses. */
export interface Member {
  username: string
  id: string
  fullName: string
  firstName: string
  lastName: string
  email: string
  description?: string
  idpUsername?: string | null
  /** Epoch ms; -1 = never signed in. */
  lastLogin: number
  mfaEnabled: boolean
  access?: string
  storageUsage?: number
  storageQuota?: number
  orgId: string
  role: string
  roleId?: string
  privileges?: string[]
  userLicenseTypeId: string
  disabled: boolean
  provider: 'arcgis' | 'enterprise' | 'google' | 'github' | 'apple' | 'facebook' | string
  created: number
  modified: number
  culture?: string
  region?: string
  units?: string
  tags?: string[]
  thumbnail?: string | null
  groups?: unknown[]
}

/** Default (org_admin / org_publisher / org_user) or custom role. */
export interface Role {
  id: string
  name: string
  description: string
  privileges: string[]
  /** True for the three default roles, which the portal does not list. */
  isDefault: boolean
  /** The default role whose privileges this role is a subset of ('org_admin' | 'org_publisher' | 'org_user'). */
  baseRole: string
}

export interface UserType {
  id: string
  name: string
  description: string
  /** Ceiling: every privilege a member of this type may hold (extension; may be empty on ArcGIS). */
  privileges: string[]
  maxUsers?: number
  assignedUsers?: number
  /** Derived: the type's privileges include 'portal:user:createItem'. */
  canOwnContent?: boolean
}

export interface PagedResponse {
  total: number
  start: number
  num: number
  nextStart: number
}

export interface MemberSearchResponse extends PagedResponse {
  query?: string
  results: Member[]
}

export type CountType = 'role' | 'userLicenseType' | 'provider' | 'status'

export interface CountsResponse {
  results: { key: string; count: number }[]
}
