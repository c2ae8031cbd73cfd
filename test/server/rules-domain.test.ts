import { describe, expect, test } from 'vitest'
import type { Caller } from '../../server/auth/caller.ts'
import { checkActOnMember } from '../../server/domain/admin-rules.ts'
import { ADMIN_PRIVILEGES, DATA_EDITOR_PRIVILEGES, DEFAULT_ROLES, USER_TYPES, VIEWER_PRIVILEGES } from '../../server/domain/privileges.ts'
import { checkRoleChange, checkRoleFitsType, removesFullAdmin, roleFitsType } from '../../server/domain/role-rules.ts'
import type { RoleInfo } from '../../server/domain/roles.ts'
import { checkCanDisable, checkCanReset } from '../../server/domain/status-rules.ts'
import { checkSeatFree, checkUserTypeChange } from '../../server/domain/user-type-rules.ts'
import type { UserTypeInfo } from '../../server/domain/user-types.ts'
import { PortalError } from '../../server/http/errors.ts'

/** The messageCode a rule throws, or 'ok'. */
function outcome(rule: () => void): string {
  try {
    rule()
    return 'ok'
  } catch (error) {
    if (error instanceof PortalError) return error.messageCode
    throw error
  }
}

const types: UserTypeInfo[] = USER_TYPES.map((t) => ({ ...t, maxUsers: 10 }))
const type = (id: string) => types.find((t) => t.id === id)!
const role = (r: keyof typeof DEFAULT_ROLES): RoleInfo => ({ role: r, roleId: null, name: DEFAULT_ROLES[r].name, privileges: DEFAULT_ROLES[r].privileges })
const viewerRole: RoleInfo = { role: 'org_user', roleId: 'iAAAAAAAAAAAAAAA', name: 'Viewer', privileges: VIEWER_PRIVILEGES }
const dataEditorRole: RoleInfo = { role: 'org_user', roleId: 'iBBBBBBBBBBBBBBB', name: 'Data Editor', privileges: DATA_EDITOR_PRIVILEGES }
const managerRole: RoleInfo = { role: 'org_admin', roleId: 'mmmm', name: 'Member Manager', privileges: ADMIN_PRIVILEGES.filter((p) => p !== 'portal:admin:deleteUsers') }

function caller(id: string, r: RoleInfo): Caller {
  return {
    userId: id, username: id, orgId: 'o', role: r.role, roleId: r.roleId, userTypeId: 'creatorUT',
    privileges: new Set(r.privileges), isFullAdmin: r.role === 'org_admin' && r.roleId === null, restricted: false,
  }
}
const fullAdmin = caller('a', role('org_admin'))
const manager = caller('m', managerRole)
const member = (id: string, r: RoleInfo, extra: Partial<{ disabled: boolean; last_login: number; provider: string }> = {}) => ({
  id, username: id, role: r.role, role_id: r.roleId, disabled: false, last_login: 1, provider: 'arcgis', ...extra,
})

describe('rule 1: only a full administrator acts on administrators', () => {
  test.each([
    ['full admin demotes another admin', fullAdmin, member('b', role('org_admin')), role('org_user'), 'ok'],
    ['full admin promotes a user', fullAdmin, member('u', role('org_user')), role('org_admin'), 'ok'],
    ['Member Manager demotes an admin', manager, member('b', role('org_admin')), role('org_user'), 'ORG_ADMIN_TARGET'],
    ['Member Manager promotes to admin', manager, member('u', role('org_user')), role('org_admin'), 'ORG_ADMIN_ROLE'],
    ['Member Manager gives a custom admin role', manager, member('u', role('org_user')), managerRole, 'ORG_ADMIN_ROLE'],
    ['Member Manager changes a custom admin', manager, member('m2', managerRole), role('org_user'), 'ORG_ADMIN_TARGET'],
    ['Member Manager makes a user a publisher', manager, member('u', role('org_user')), role('org_publisher'), 'ok'],
    ['anyone changes their own role', fullAdmin, member('a', role('org_admin')), role('org_user'), 'ORG_SELF_ACTION'],
  ])('%s → %s', (_name, actor, target, newRole, expected) => {
    expect(outcome(() => checkRoleChange(actor, target, newRole))).toBe(expected)
  })

  test.each([
    ['disable', 'ORG_ADMIN_TARGET'],
    ['delete', 'ORG_ADMIN_TARGET'],
    ['reset', 'ORG_ADMIN_TARGET'],
    ['changeUserType', 'ORG_ADMIN_TARGET'],
    ['update', 'ORG_ADMIN_TARGET'],
    ['enable', 'ok'],
  ] as const)('Member Manager may %s an administrator: %s', (action, expected) => {
    expect(outcome(() => checkActOnMember(manager, member('b', role('org_admin')), action))).toBe(expected)
    expect(outcome(() => checkActOnMember(fullAdmin, member('b', role('org_admin')), action))).toBe('ok')
  })
})

describe('rule 2: the change removes a full administrator', () => {
  test.each([
    [role('org_admin'), role('org_user'), true],
    [role('org_admin'), managerRole, true],
    [role('org_admin'), role('org_admin'), false],
    [managerRole, role('org_user'), false],
    [role('org_publisher'), role('org_user'), false],
  ])('%s → %s', (from, to, expected) => {
    expect(removesFullAdmin(member('x', from), to)).toBe(expected)
  })
})

describe('rule 3: a role fits a user type', () => {
  // portal-api.md §7: Viewer fits every type; Data Editor every type but Viewer;
  // User, Publisher and Administrator need a Creator-class type.
  const creatorClass = ['creatorUT', 'GISProfessionalBasicUT', 'GISProfessionalStdUT', 'GISProfessionalAdvUT']
  test.each(types.map((t) => [t.id]))('%s', (id) => {
    expect(roleFitsType(viewerRole, type(id))).toBe(true)
    expect(roleFitsType(dataEditorRole, type(id))).toBe(id !== 'viewerUT')
    for (const r of ['org_user', 'org_publisher', 'org_admin'] as const) expect(roleFitsType(role(r), type(id))).toBe(creatorClass.includes(id))
    expect(roleFitsType(managerRole, type(id))).toBe(creatorClass.includes(id))
  })

  test('the refusal names the role, the type and the lowest type that fits', () => {
    try {
      checkRoleFitsType(role('org_publisher'), type('editorUT'), types, 'eddie')
      expect.unreachable()
    } catch (error) {
      const e = error as PortalError
      expect(e.messageCode).toBe('ROLE_USER_TYPE_MISMATCH')
      expect(e.message).toContain('Publisher')
      expect(e.message).toContain('Contributor')
      expect(e.message).toContain('Creator')
      expect(e.details).toContain('portal:user:createItem')
      expect(e.details).not.toContain('features:user:edit')
    }
  })
})

describe('rule 4: lowering a user type', () => {
  const base = { username: 'x', types, owned: { items: 0, groups: 0 } }
  test.each([
    ['User to Viewer without a role', { ...base, type: type('viewerUT'), currentRole: role('org_user') }, 'USER_TYPE_ROLE_MISMATCH'],
    ['User to Viewer with the Viewer role', { ...base, type: type('viewerUT'), currentRole: role('org_user'), newRole: viewerRole }, 'ok'],
    ['User to Viewer with a role that does not fit', { ...base, type: type('viewerUT'), currentRole: role('org_user'), newRole: dataEditorRole }, 'ROLE_USER_TYPE_MISMATCH'],
    ['Viewer role to Contributor', { ...base, type: type('editorUT'), currentRole: viewerRole }, 'ok'],
    ['owner of one item to Viewer', { ...base, type: type('viewerUT'), currentRole: viewerRole, owned: { items: 1, groups: 0 } }, 'USER_OWNS_CONTENT'],
    ['owner of one group to Contributor', { ...base, type: type('editorUT'), currentRole: viewerRole, owned: { items: 0, groups: 1 } }, 'USER_OWNS_CONTENT'],
    ['owner of content to GIS Professional', { ...base, type: type('GISProfessionalAdvUT'), currentRole: role('org_user'), owned: { items: 3, groups: 1 } }, 'ok'],
  ])('%s → %s', (_name, input, expected) => {
    expect(outcome(() => checkUserTypeChange(input))).toBe(expected)
  })

  test('content counts are in details', () => {
    try {
      checkUserTypeChange({ ...base, type: type('viewerUT'), currentRole: viewerRole, owned: { items: 3, groups: 1 } })
      expect.unreachable()
    } catch (error) {
      expect((error as PortalError).details).toEqual(['3 items', '1 group'])
    }
  })
})

describe('rule 5: license seats', () => {
  test.each([
    [0, 1, 'ok'],
    [4, 5, 'ok'],
    [5, 5, 'USER_TYPE_NO_LICENSES'],
    [6, 5, 'USER_TYPE_NO_LICENSES'],
    [0, 0, 'USER_TYPE_NO_LICENSES'],
  ])('%i of %i assigned → %s', (assigned, maxUsers, expected) => {
    expect(outcome(() => checkSeatFree(type('creatorUT'), { assigned, maxUsers }))).toBe(expected)
  })
})

describe('rule 6: disabling', () => {
  test.each([
    ['a member who signed in', fullAdmin, member('u', role('org_user')), 'ok'],
    ['a member who never signed in', fullAdmin, member('u', role('org_user'), { last_login: -1 }), 'USER_NEVER_SIGNED_IN'],
    ['a disabled member who never signed in (no-op)', fullAdmin, member('u', role('org_user'), { last_login: -1, disabled: true }), 'ok'],
    ['yourself', fullAdmin, member('a', role('org_admin')), 'ORG_SELF_ACTION'],
    ['an administrator, as Member Manager', manager, member('b', role('org_admin')), 'ORG_ADMIN_TARGET'],
    ['a user, as Member Manager', manager, member('u', role('org_user')), 'ok'],
  ])('%s → %s', (_name, actor, target, expected) => {
    expect(outcome(() => checkCanDisable(actor, target))).toBe(expected)
  })
})

describe('rule 7: password reset', () => {
  test.each([
    ['a built-in account', fullAdmin, member('u', role('org_user')), 'ok'],
    ['an enterprise (SSO) account', fullAdmin, member('u', role('org_user'), { provider: 'enterprise' }), 'PASSWORD_RESET_NOT_BUILT_IN'],
    ['a Google account', fullAdmin, member('u', role('org_user'), { provider: 'google' }), 'PASSWORD_RESET_NOT_BUILT_IN'],
    ['an administrator, as Member Manager', manager, member('b', role('org_admin')), 'ORG_ADMIN_TARGET'],
    ['yourself, without the current password', fullAdmin, member('a', role('org_admin')), 'PASSWORD_CURRENT_REQUIRED'],
  ])('%s → %s', (_name, actor, target, expected) => {
    expect(outcome(() => checkCanReset(actor, target))).toBe(expected)
  })
})
