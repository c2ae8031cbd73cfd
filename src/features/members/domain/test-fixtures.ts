// Test data for the rule tests: the real privilege sets and ceilings the portal server uses,
// so a drift between console and server rules shows up here.
import {
  ADMIN_PRIVILEGES,
  DATA_EDITOR_PRIVILEGES,
  DATA_EDITOR_ROLE_ID,
  DEFAULT_ROLES,
  USER_TYPES,
  VIEWER_PRIVILEGES,
  VIEWER_ROLE_ID,
} from '../../../../server/domain/privileges.ts'
import type { ActorFacts, MemberFacts, RoleFacts, UserTypeFacts } from './member-facts.ts'

export const ROLES: RoleFacts[] = [
  { id: 'org_admin', name: 'Administrator', privileges: DEFAULT_ROLES.org_admin.privileges, baseRole: 'org_admin' },
  { id: 'org_publisher', name: 'Publisher', privileges: DEFAULT_ROLES.org_publisher.privileges, baseRole: 'org_publisher' },
  { id: 'org_user', name: 'User', privileges: DEFAULT_ROLES.org_user.privileges, baseRole: 'org_user' },
  { id: VIEWER_ROLE_ID, name: 'Viewer', privileges: VIEWER_PRIVILEGES, baseRole: 'org_user' },
  { id: DATA_EDITOR_ROLE_ID, name: 'Data Editor', privileges: DATA_EDITOR_PRIVILEGES, baseRole: 'org_user' },
  {
    id: 'memberManager01',
    name: 'Member Manager',
    privileges: ADMIN_PRIVILEGES.filter((p) => p !== 'portal:admin:deleteUsers'),
    baseRole: 'org_admin',
  },
]
export const role = (name: string) => ROLES.find((r) => r.name === name)!

export const USER_TYPE_LIST: UserTypeFacts[] = USER_TYPES.map((t) => ({
  id: t.id,
  name: t.name,
  privileges: t.privileges,
  maxUsers: 50,
  assignedUsers: 10,
}))
export const userType = (id: string) => USER_TYPE_LIST.find((t) => t.id === id)!

export const fullAdmin: ActorFacts = { username: 'admin', isFullAdmin: true, privileges: new Set(ADMIN_PRIVILEGES) }
export const memberManager: ActorFacts = {
  username: 'manager',
  isFullAdmin: false,
  privileges: new Set(ADMIN_PRIVILEGES.filter((p) => p !== 'portal:admin:deleteUsers')),
}

export function member(username: string, fields: Partial<MemberFacts> = {}): MemberFacts {
  return {
    username,
    role: 'org_user',
    userLicenseTypeId: 'creatorUT',
    disabled: false,
    lastLogin: Date.now(),
    provider: 'arcgis',
    ...fields,
  }
}

export const viewerMember = (username: string) =>
  member(username, { roleId: VIEWER_ROLE_ID, userLicenseTypeId: 'viewerUT' })
export const adminMember = (username: string) => member(username, { role: 'org_admin' })
