import { describe, expect, it } from 'vitest'
import { roleFitsUserType, roleOptionsFor, whyRoleCannotApply, whySkipRoleChange } from './role-fit.ts'
import { adminMember, fullAdmin, member, memberManager, ROLES, role, USER_TYPE_LIST, userType, viewerMember } from './test-fixtures.ts'

describe('roleFitsUserType (rule 3)', () => {
  it('Viewer fits every type', () => {
    for (const type of USER_TYPE_LIST) expect(roleFitsUserType(role('Viewer'), type)).toBe(true)
  })
  it('Data Editor fits every type but Viewer', () => {
    const fits = USER_TYPE_LIST.filter((t) => roleFitsUserType(role('Data Editor'), t)).map((t) => t.id)
    expect(fits).not.toContain('viewerUT')
    expect(fits).toHaveLength(USER_TYPE_LIST.length - 1)
  })
  it('User, Publisher and Administrator need a Creator-class type', () => {
    for (const name of ['User', 'Publisher', 'Administrator']) {
      expect(roleFitsUserType(role(name), userType('creatorUT'))).toBe(true)
      expect(roleFitsUserType(role(name), userType('GISProfessionalAdvUT'))).toBe(true)
      expect(roleFitsUserType(role(name), userType('editorUT'))).toBe(false)
      expect(roleFitsUserType(role(name), userType('fieldWorkerUT'))).toBe(false)
      expect(roleFitsUserType(role(name), userType('viewerUT'))).toBe(false)
    }
  })
  it('leaves a type without a ceiling to the portal', () => {
    expect(roleFitsUserType(role('Administrator'), { privileges: [] })).toBe(true)
    expect(roleFitsUserType(role('Administrator'), undefined)).toBe(true)
  })
})

describe('whyRoleCannotApply', () => {
  it('offers only roles that fit the member’s type, saying why the others do not', () => {
    const options = roleOptionsFor(fullAdmin, viewerMember('vic'), ROLES, USER_TYPE_LIST)
    const selectable = options.filter((o) => o.disabledReason === null).map((o) => o.role.name)
    expect(selectable).toEqual(['Viewer'])
    const publisher = options.find((o) => o.role.name === 'Publisher')!
    expect(publisher.disabledReason).toMatch(/Needs more than the Viewer user type allows/)
  })
  it('lets only a full administrator make someone an administrator', () => {
    const pat = member('pat')
    expect(whyRoleCannotApply(fullAdmin, pat, role('Administrator'), USER_TYPE_LIST)).toBeNull()
    expect(whyRoleCannotApply(memberManager, pat, role('Administrator'), USER_TYPE_LIST)).toMatch(/full administrator/)
    expect(whyRoleCannotApply(memberManager, pat, role('Member Manager'), USER_TYPE_LIST)).toMatch(/full administrator/)
    expect(whyRoleCannotApply(memberManager, pat, role('Publisher'), USER_TYPE_LIST)).toBeNull()
  })
  it('lets only a full administrator change an administrator’s role', () => {
    expect(whyRoleCannotApply(memberManager, adminMember('admin2'), role('User'), USER_TYPE_LIST)).toMatch(
      /Only a full administrator can change the role of an administrator/,
    )
    expect(whyRoleCannotApply(fullAdmin, adminMember('admin2'), role('User'), USER_TYPE_LIST)).toBeNull()
  })
  it('never lets you change your own role', () => {
    expect(whyRoleCannotApply(fullAdmin, adminMember('admin'), role('User'), USER_TYPE_LIST)).toMatch(/your own role/)
    expect(whyRoleCannotApply(fullAdmin, adminMember('ADMIN'), role('User'), USER_TYPE_LIST)).toMatch(/your own role/)
  })
  it('requires the privilege', () => {
    const noPrivilege = { ...fullAdmin, isFullAdmin: false, privileges: new Set<string>() }
    expect(whyRoleCannotApply(noPrivilege, member('pat'), role('Viewer'), USER_TYPE_LIST)).toMatch(/privilege/)
  })
  it('treats the current role as available, and as a skip in bulk', () => {
    const pat = member('pat', { role: 'org_publisher' })
    expect(whyRoleCannotApply(fullAdmin, pat, role('Publisher'), USER_TYPE_LIST)).toBeNull()
    expect(whySkipRoleChange(fullAdmin, pat, role('Publisher'), USER_TYPE_LIST)).toMatch(/Already has the Publisher role/)
  })
})
