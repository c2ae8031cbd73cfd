import { describe, expect, it } from 'vitest'
import { partitionMembers, whyCannotDelete, whyCannotDisable, whyCannotEnable, whyCannotResetPassword } from './action-rules.ts'
import { adminMember, fullAdmin, member, memberManager } from './test-fixtures.ts'

describe('disable / enable (rules 1, 2, 6)', () => {
  it('skips members who never signed in, administrators for custom admins, yourself, and the already disabled', () => {
    const members = [
      member('pat'),
      member('nora', { lastLogin: -1 }),
      adminMember('admin2'),
      member('manager', { role: 'org_admin', roleId: 'memberManager01' }),
      member('dan', { disabled: true }),
    ]
    const { eligible, skipped } = partitionMembers(memberManager, members, whyCannotDisable)
    expect(eligible.map((m) => m.username)).toEqual(['pat'])
    expect(Object.fromEntries(skipped.map((s) => [s.member.username, s.reason]))).toEqual({
      nora: 'Has never signed in; only members who have signed in can be disabled.',
      admin2: 'Only a full administrator can disable an administrator.',
      manager: 'You cannot disable yourself.',
      dan: 'Already disabled.',
    })
  })
  it('lets a full administrator disable another administrator', () => {
    expect(whyCannotDisable(fullAdmin, adminMember('admin2'))).toBeNull()
  })
  it('enables only disabled members, administrators included', () => {
    expect(whyCannotEnable(memberManager, member('pat'))).toBe('Already enabled.')
    expect(whyCannotEnable(memberManager, { ...adminMember('admin2'), disabled: true })).toBeNull()
  })
})

describe('reset password (rule 7)', () => {
  it('is for built-in accounts only', () => {
    expect(whyCannotResetPassword(fullAdmin, member('sam', { provider: 'enterprise' }))).toMatch(/SSO/)
    expect(whyCannotResetPassword(fullAdmin, member('gia', { provider: 'google' }))).toMatch(/Google/)
    expect(whyCannotResetPassword(fullAdmin, member('pat'))).toBeNull()
  })
  it('keeps custom admins off administrators and everyone off themselves', () => {
    expect(whyCannotResetPassword(memberManager, adminMember('admin2'))).toMatch(/full administrator/)
    expect(whyCannotResetPassword(fullAdmin, adminMember('admin'))).toMatch(/your own password/)
  })
})

describe('delete (rules 1, 2)', () => {
  it('never deletes yourself; only full administrators delete administrators', () => {
    expect(whyCannotDelete(fullAdmin, adminMember('admin'))).toBe('You cannot delete yourself.')
    expect(whyCannotDelete(memberManager, adminMember('admin2'))).toMatch(/full administrator/)
    expect(whyCannotDelete(fullAdmin, adminMember('admin2'))).toBeNull()
    expect(whyCannotDelete(memberManager, member('pat'))).toBeNull()
  })
})
