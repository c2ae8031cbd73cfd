import { ROLES } from '../../../first-screen/first-screen-reads.ts'
import { portalRequest } from '../../../lib/portal-client.ts'
import type { Role } from '../types.ts'

const VIEWER = ['portal:user:joinGroup', 'portal:user:viewOrgGroups', 'portal:user:viewOrgItems', 'portal:user:viewOrgUsers']
const USER = [
  ...VIEWER,
  'features:user:edit',
  'portal:user:createGroup',
  'portal:user:createItem',
  'portal:user:shareToGroup',
  'portal:user:shareToOrg',
  'portal:user:shareGroupToOrg',
]
const PUBLISHER = [...USER, 'portal:publisher:publishFeatures', 'portal:publisher:publishTiles', 'portal:publisher:publishScenes']
const ADMIN = [
  ...PUBLISHER,
  ...[
    'viewUsers',
    'updateUsers',
    'deleteUsers',
    'disableUsers',
    'changeUserRoles',
    'manageLicenses',
    'reassignUsers',
    'reassignItems',
    'reassignGroups',
    'viewItems',
    'viewGroups',
    'inviteUsers',
  ].map((name) => `portal:admin:${name}`),
]

/** ArcGIS never lists its three default roles (portal-api.md §3), so the console knows them. */
export const DEFAULT_ROLES: Role[] = [
  { id: 'org_admin', name: 'Administrator', description: 'Manages the organization and its members.', privileges: ADMIN, isDefault: true, baseRole: 'org_admin' },
  { id: 'org_publisher', name: 'Publisher', description: 'Creates, shares and publishes content.', privileges: PUBLISHER, isDefault: true, baseRole: 'org_publisher' },
  { id: 'org_user', name: 'User', description: 'Creates and shares content, joins groups.', privileges: USER, isDefault: true, baseRole: 'org_user' },
]

export interface RolesResponse {
  roles: { id: string; name: string; description?: string; privileges?: string[] }[]
}

/** A custom role's base: the most capable default role its privileges reach into. */
function baseRoleOf(privileges: string[]): string {
  if (privileges.some((p) => p.startsWith('portal:admin:'))) return 'org_admin'
  if (privileges.some((p) => p.startsWith('portal:publisher:'))) return 'org_publisher'
  return 'org_user'
}

/** Default roles first, then the organization's custom roles (incl. Viewer and Data Editor). */
export async function getRoles(signal?: AbortSignal): Promise<Role[]> {
  return rolesFrom(await portalRequest<RolesResponse>(ROLES.path, ROLES.params, { method: 'GET', signal }))
}

/** The console's roles from a `portals/self/roles` answer (also used to draw the first screen on the server). */
export function rolesFrom(response: RolesResponse): Role[] {
  const custom = (response.roles ?? []).map<Role>((role) => {
    const privileges = role.privileges ?? []
    return { id: role.id, name: role.name, description: role.description ?? '', privileges, isDefault: false, baseRole: baseRoleOf(privileges) }
  })
  return [...DEFAULT_ROLES, ...custom]
}
