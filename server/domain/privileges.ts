/**
 * Privileges of the default roles and the built-in custom roles, and the
 * user-type ceilings (portal-api.md §7). Exact ArcGIS privilege strings.
 */

export const ADMIN_PRIVILEGES = [
  'portal:admin:viewUsers',
  'portal:admin:updateUsers',
  'portal:admin:deleteUsers',
  'portal:admin:disableUsers',
  'portal:admin:changeUserRoles',
  'portal:admin:manageLicenses',
  'portal:admin:reassignUsers',
  'portal:admin:reassignItems',
  'portal:admin:reassignGroups',
  'portal:admin:viewItems',
  'portal:admin:viewGroups',
  'portal:admin:inviteUsers',
] as const
export type AdminPrivilege = (typeof ADMIN_PRIVILEGES)[number]

/** What a member who may only look around holds. */
export const VIEWER_PRIVILEGES = [
  'portal:user:joinGroup',
  'portal:user:viewOrgGroups',
  'portal:user:viewOrgItems',
  'portal:user:viewOrgUsers',
]

export const DATA_EDITOR_PRIVILEGES = [...VIEWER_PRIVILEGES, 'features:user:edit']

export const USER_PRIVILEGES = [
  ...DATA_EDITOR_PRIVILEGES,
  'portal:user:createGroup',
  'portal:user:createItem',
  'portal:user:shareToGroup',
  'portal:user:shareToOrg',
  'portal:user:shareGroupToOrg',
]

export const PUBLISHER_PRIVILEGES = [
  ...USER_PRIVILEGES,
  'portal:publisher:publishFeatures',
  'portal:publisher:publishTiles',
  'portal:publisher:publishScenes',
]

export const ADMINISTRATOR_PRIVILEGES = [...PUBLISHER_PRIVILEGES, ...ADMIN_PRIVILEGES]

export type DefaultRole = 'org_admin' | 'org_publisher' | 'org_user'

export const DEFAULT_ROLES: Record<DefaultRole, { name: string; description: string; privileges: string[] }> = {
  org_admin: { name: 'Administrator', description: 'Manages the organization and its members.', privileges: ADMINISTRATOR_PRIVILEGES },
  org_publisher: { name: 'Publisher', description: 'Creates, shares and publishes content.', privileges: PUBLISHER_PRIVILEGES },
  org_user: { name: 'User', description: 'Creates and shares content, joins groups.', privileges: USER_PRIVILEGES },
}

export function isDefaultRole(role: string): role is DefaultRole {
  return role === 'org_admin' || role === 'org_publisher' || role === 'org_user'
}

/** ArcGIS ships these two as "custom" roles with fixed ids. */
export const VIEWER_ROLE_ID = 'iAAAAAAAAAAAAAAA'
export const DATA_EDITOR_ROLE_ID = 'iBBBBBBBBBBBBBBB'

/** A privilege set that includes everything a member could hold (Creator-class ceiling). */
export const ALL_PRIVILEGES = ADMINISTRATOR_PRIVILEGES

export interface UserTypeDefinition {
  id: string
  name: string
  description: string
  privileges: string[]
  canOwnContent: boolean
  /** Higher is more capable; lowering a type means moving to a lower level. */
  level: number
}

export const USER_TYPES: UserTypeDefinition[] = [
  { id: 'viewerUT', name: 'Viewer', description: 'Views maps and apps shared with them.', privileges: VIEWER_PRIVILEGES, canOwnContent: false, level: 1 },
  { id: 'fieldWorkerUT', name: 'Mobile Worker', description: 'Collects and edits data in the field.', privileges: DATA_EDITOR_PRIVILEGES, canOwnContent: false, level: 2 },
  { id: 'editorUT', name: 'Contributor', description: 'Views and edits data.', privileges: DATA_EDITOR_PRIVILEGES, canOwnContent: false, level: 2 },
  { id: 'creatorUT', name: 'Creator', description: 'Creates, shares and manages content.', privileges: ALL_PRIVILEGES, canOwnContent: true, level: 3 },
  { id: 'GISProfessionalBasicUT', name: 'GIS Professional Basic', description: 'Creator plus ArcGIS Pro Basic.', privileges: ALL_PRIVILEGES, canOwnContent: true, level: 4 },
  { id: 'GISProfessionalStdUT', name: 'GIS Professional Standard', description: 'Creator plus ArcGIS Pro Standard.', privileges: ALL_PRIVILEGES, canOwnContent: true, level: 5 },
  { id: 'GISProfessionalAdvUT', name: 'GIS Professional Advanced', description: 'Creator plus ArcGIS Pro Advanced.', privileges: ALL_PRIVILEGES, canOwnContent: true, level: 6 },
]
