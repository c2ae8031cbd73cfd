import type { Queryable } from '../../server/db/connection.ts'
import { ADMIN_PRIVILEGES, DATA_EDITOR_ROLE_ID, VIEWER_ROLE_ID } from '../../server/domain/privileges.ts'
import { hashPassword } from '../../server/auth/passwords.ts'
import { createOrganization, createRole, insertFolder, insertGroup, insertItem, insertMember } from '../../server/seed/org.ts'

export const TEST_PASSWORD = 'test-password-1'
export const REDIRECT_URI = 'http://127.0.0.1:5999/oauth-callback'
const DAY = 86_400_000

/**
 * A small organization where every rule has a member to bite on. Usernames are
 * the test vocabulary: admin, admin2 (full administrators), manager (Member
 * Manager: custom admin role without deleteUsers), publisher, user, viewer
 * (Viewer type and role), editor (Contributor type, Data Editor role), never
 * (never signed in), disabled, sso (enterprise login), owner (owns items in
 * root and a folder, and a group), script (a name holding markup).
 */
export async function createTestOrganization(db: Queryable) {
  const passwordHash = await hashPassword(TEST_PASSWORD)
  const orgId = await createOrganization(db, {
    name: 'Test Org',
    urlKey: 'testorg',
    maxUsers: 50,
    seats: { GISProfessionalAdvUT: 1 },
    redirectUris: [REDIRECT_URI],
  })
  const memberManagerRoleId = await createRole(db, orgId, {
    name: 'Member Manager',
    description: 'Manages members but cannot delete them.',
    privileges: ADMIN_PRIVILEGES.filter((p) => p !== 'portal:admin:deleteUsers'),
    baseRole: 'org_admin',
  })
  const recently = Date.now() - DAY
  const ids: Record<string, string> = {}
  const add = async (username: string, fields: Parameters<typeof insertMember>[2] extends infer M ? Omit<M & object, 'username'> : never) => {
    ids[username] = await insertMember(db, orgId, { username, passwordHash, lastLogin: recently, ...fields })
  }
  await add('admin', { firstName: 'Ada', lastName: 'Admin', role: 'org_admin' })
  await add('admin2', { firstName: 'Alan', lastName: 'Second', role: 'org_admin' })
  await add('manager', { firstName: 'Mia', lastName: 'Manager', role: 'org_admin', roleId: memberManagerRoleId })
  await add('publisher', { firstName: 'Pat', lastName: 'Publisher', role: 'org_publisher' })
  await add('user', { firstName: 'Uma', lastName: 'User', role: 'org_user' })
  await add('viewer', { firstName: 'Vic', lastName: 'Viewer', role: 'org_user', roleId: VIEWER_ROLE_ID, userTypeId: 'viewerUT' })
  await add('editor', { firstName: 'Eddie', lastName: 'Editor', role: 'org_user', roleId: DATA_EDITOR_ROLE_ID, userTypeId: 'editorUT' })
  await add('never', { firstName: 'Nora', lastName: 'Never', lastLogin: -1 })
  await add('disabled', { firstName: 'Dan', lastName: 'Disabled', disabled: true })
  await add('sso', { firstName: 'Sam', lastName: 'Single', provider: 'enterprise', idpUsername: 'sam@corp', passwordHash: null, mfaEnabled: true })
  await add('owner', { firstName: 'Olga', lastName: 'Owner', role: 'org_publisher' })
  await add('script', { fullName: '<script>alert(1)</script> Mallory', firstName: '<b>Mallory</b>', lastName: 'Markup' })
  await add('josé.garcía', { firstName: 'José', lastName: 'García', email: 'jose@example.com' })
  await add('pro', { firstName: 'Pia', lastName: 'Professional', userTypeId: 'GISProfessionalAdvUT' })

  const mapsFolder = await insertFolder(db, ids.owner, 'Maps')
  const items = [
    await insertItem(db, ids.owner, { title: 'Root map' }),
    await insertItem(db, ids.owner, { title: 'Root layer', type: 'Feature Service' }),
    await insertItem(db, ids.owner, { title: 'City map', folderId: mapsFolder }),
  ]
  const groupId = await insertGroup(db, orgId, ids.owner, 'Owner group')
  return { orgId, ids, memberManagerRoleId, mapsFolder, items, groupId }
}

export type TestOrganization = Awaited<ReturnType<typeof createTestOrganization>>
