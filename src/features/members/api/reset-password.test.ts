import { beforeEach, describe, expect, it, vi } from 'vitest'
import { portalRequest } from '../../../lib/portal-client.ts'
import { resetPassword } from './reset-password.ts'

vi.mock('../../../lib/portal-client.ts', () => ({ portalRequest: vi.fn() }))
const request = vi.mocked(portalRequest)

beforeEach(() => request.mockReset())

describe('resetPassword', () => {
  it('asks community/users/{u}/reset for the member and returns the temporary password', async () => {
    request.mockResolvedValue({ success: true, username: 'josé', temporaryPassword: 'Tmp-4f9e-Q' })
    await expect(resetPassword('josé')).resolves.toMatchObject({ temporaryPassword: 'Tmp-4f9e-Q' })
    expect(request).toHaveBeenCalledWith('community/users/jos%C3%A9/reset')
  })

  it('an answer without a temporary password is an error the dialog shows', async () => {
    request.mockResolvedValue({ success: true, username: 'pat' })
    await expect(resetPassword('pat')).rejects.toThrow(/without a temporary password/)
  })
})
