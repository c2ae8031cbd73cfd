import { beforeEach, describe, expect, it, vi } from 'vitest'
import { PortalRequestError, portalRequest } from '../../../lib/portal-client.ts'
import { resetPassword } from './reset-password.ts'

vi.mock('../../../lib/portal-client.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../lib/portal-client.ts')>()),
  portalRequest: vi.fn(),
}))
const request = vi.mocked(portalRequest)

// A block, not `() => request.mockReset()`: a function returned from beforeEach is run as its teardown.
beforeEach(() => {
  request.mockReset()
})

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

  it('a portal without the operation (a real ArcGIS portal) is told apart from a refusal', async () => {
    request.mockRejectedValue(new PortalRequestError('Invalid URL', 400, 'INVALID_URL'))
    await expect(resetPassword('pat')).rejects.toThrow(/cannot reset a password from the console/)
  })

  it('a refusal is passed on as it is', async () => {
    const refusal = new PortalRequestError('An administrator’s password cannot be reset here.', 403, 'ORG_ADMIN_TARGET')
    request.mockRejectedValue(refusal)
    await expect(resetPassword('pat')).rejects.toBe(refusal)
  })
})
