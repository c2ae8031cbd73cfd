import { describe, expect, it } from 'vitest'
import { describeChange } from './profile-format.ts'

const names = {
  roles: [
    { id: 'org_publisher', name: 'Publisher' },
    { id: 'org_user', name: 'User' },
    { id: 'iAAAAAAAAAAAAAAA', name: 'Viewer' },
  ],
  userTypes: [
    { id: 'fieldWorkerUT', name: 'Mobile Worker' },
    { id: 'creatorUT', name: 'Creator' },
  ],
}

describe('describeChange', () => {
  it('names roles as the portal lists them, custom roles included, not role and role id', () => {
    expect(describeChange({ role: 'org_publisher', roleId: null }, { role: 'org_user', roleId: 'iAAAAAAAAAAAAAAA' }, names)).toBe('Role: Publisher → Viewer')
  })

  it('names user types, and leaves out what did not change', () => {
    expect(
      describeChange({ role: 'org_user', roleId: null, userLicenseTypeId: 'fieldWorkerUT' }, { role: 'org_user', roleId: null, userLicenseTypeId: 'creatorUT' }, names),
    ).toBe('User type: Mobile Worker → Creator')
  })

  it('says a reset and a status change in words', () => {
    expect(describeChange({ mustChangePassword: true }, { mustChangePassword: true, sessionsEnded: true }, names)).toBe(
      'Signed out everywhere; Must choose a new password at the next sign-in',
    )
    expect(describeChange({ disabled: false }, { disabled: true }, names)).toBe('Now disabled')
  })

  it('shows other fields by label, and unknown ones as they come', () => {
    expect(describeChange({ owner: 'pat' }, { owner: 'sam', items: 20, folderCreated: true }, names)).toBe('Owner: pat → sam; Items moved: 20')
    expect(describeChange(null, { nickname: 'P' })).toBe('nickname: P')
  })
})
