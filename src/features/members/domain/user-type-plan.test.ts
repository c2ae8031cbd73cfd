import { describe, expect, it } from 'vitest'
import { whyCannotReceive } from './receiver-rules.ts'
import { adminMember, fullAdmin, member, memberManager, ROLES, role, USER_TYPE_LIST, userType, viewerMember } from './test-fixtures.ts'
import { planUserTypeChange } from './user-type-plan.ts'

const names = (list: { username: string }[]) => list.map((m) => m.username)
const nobodyOwns = () => false

describe('planUserTypeChange (rules 3–5)', () => {
  it('asks for a role when the current one does not fit, offering only fitting roles', () => {
    const plan = planUserTypeChange({
      actor: fullAdmin,
      members: [member('pat', { role: 'org_publisher' }), viewerMember('vic')],
      type: userType('editorUT'),
      roles: ROLES,
      ownsContent: nobodyOwns,
    })
    expect(names(plan.needRole)).toEqual(['pat'])
    expect(names(plan.keepRole)).toEqual(['vic'])
    expect(plan.fittingRoles.map((r) => r.name)).toEqual(['Viewer', 'Data Editor'])

    const withRole = planUserTypeChange({
      actor: fullAdmin,
      members: [member('pat', { role: 'org_publisher' })],
      type: userType('editorUT'),
      roles: ROLES,
      ownsContent: nobodyOwns,
      replacementRole: role('Data Editor'),
    })
    expect(names(withRole.withNewRole)).toEqual(['pat'])
    expect(withRole.needRole).toEqual([])
  })
  it('refuses a replacement role that does not fit the new type', () => {
    const plan = planUserTypeChange({
      actor: fullAdmin,
      members: [member('pat', { role: 'org_publisher' })],
      type: userType('viewerUT'),
      roles: ROLES,
      ownsContent: nobodyOwns,
      replacementRole: role('Data Editor'),
    })
    expect(names(plan.needRole)).toEqual(['pat'])
  })
  it('cannot lower members who own content to a type that cannot own it', () => {
    const owners = new Set(['olga'])
    const plan = planUserTypeChange({
      actor: fullAdmin,
      members: [member('olga'), member('uma'), member('ned')],
      type: userType('viewerUT'),
      roles: ROLES,
      ownsContent: (u) => (u === 'ned' ? undefined : owners.has(u)),
      replacementRole: role('Viewer'),
    })
    expect(plan.skipped.map((s) => [s.member.username, s.reason])).toEqual([
      ['olga', 'Owns items or groups, which Viewer members cannot own. Move or delete them first.'],
    ])
    expect(names(plan.withNewRole)).toEqual(['uma'])
    expect(names(plan.checking)).toEqual(['ned'])
  })
  it('does not ask about ownership when the new type can own content', () => {
    const plan = planUserTypeChange({
      actor: fullAdmin,
      members: [viewerMember('vic')],
      type: userType('creatorUT'),
      roles: ROLES,
      ownsContent: () => undefined,
    })
    expect(names(plan.keepRole)).toEqual(['vic'])
  })
  it('skips members beyond the licenses left (rule 5)', () => {
    const pro = { ...userType('GISProfessionalAdvUT'), maxUsers: 3, assignedUsers: 2 }
    const plan = planUserTypeChange({
      actor: fullAdmin,
      members: [member('a'), member('b', { userLicenseTypeId: 'GISProfessionalAdvUT' }), member('c')],
      type: pro,
      roles: ROLES,
      ownsContent: nobodyOwns,
    })
    expect(plan.seatsLeft).toBe(1)
    expect(names(plan.keepRole)).toEqual(['a'])
    expect(plan.skipped.map((s) => [s.member.username, s.reason])).toEqual([
      ['b', 'Already has the GIS Professional Advanced user type.'],
      ['c', 'No GIS Professional Advanced licenses left.'],
    ])
  })
  it('keeps custom admins off administrators, and you off a type your role does not fit', () => {
    const managerPlan = planUserTypeChange({
      actor: memberManager,
      members: [adminMember('admin2')],
      type: userType('GISProfessionalBasicUT'),
      roles: ROLES,
      ownsContent: nobodyOwns,
    })
    expect(managerPlan.skipped[0]!.reason).toMatch(/full administrator/)
    expect(managerPlan.fittingRoles.map((r) => r.name)).not.toContain('Administrator')

    const selfPlan = planUserTypeChange({
      actor: fullAdmin,
      members: [adminMember('admin')],
      type: userType('viewerUT'),
      roles: ROLES,
      ownsContent: nobodyOwns,
      replacementRole: role('Viewer'),
    })
    expect(selfPlan.skipped[0]!.reason).toMatch(/cannot change your own role/)
  })
})

describe('whyCannotReceive (rule 9)', () => {
  const deleting = new Set(['pat'])
  it('accepts an enabled member who can own content and is staying', () => {
    expect(whyCannotReceive(member('uma'), deleting, USER_TYPE_LIST)).toBeNull()
  })
  it('says why the others cannot receive', () => {
    expect(whyCannotReceive(member('Pat'), deleting, USER_TYPE_LIST)).toBe('Is being deleted.')
    expect(whyCannotReceive(member('dan', { disabled: true }), deleting, USER_TYPE_LIST)).toBe('Is disabled.')
    expect(whyCannotReceive(viewerMember('vic'), deleting, USER_TYPE_LIST)).toBe('Viewer members cannot own content.')
  })
})
