import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { resetPassword } from '../api/reset-password.ts'
import { makeWrapper, member } from '../hooks/selection-test-utils.tsx'
import ResetPasswordDialog from './reset-password-dialog.tsx'

vi.mock('../api/reset-password.ts', () => ({ resetPassword: vi.fn() }))
const resetMock = vi.mocked(resetPassword)

beforeEach(() => {
  sessionStorage.clear()
  resetMock.mockReset()
})

describe('Reset password dialog', () => {
  it('asking can be dismissed by a click outside; the temporary password, shown once, cannot', async () => {
    const user = userEvent.setup()
    const onClose = vi.fn()
    resetMock.mockResolvedValue({ success: true, username: 'pat', temporaryPassword: 'Tmp-4f9e-Q' } as Awaited<ReturnType<typeof resetPassword>>)
    render(<ResetPasswordDialog members={[member('pat')]} onClose={onClose} />, { wrapper: makeWrapper('test.dialog') })
    const dialog = await screen.findByRole('dialog', { name: 'Reset password' })

    await user.click(within(dialog).getByRole('button', { name: 'Reset password' }))
    expect(await within(dialog).findByDisplayValue('Tmp-4f9e-Q')).toBeTruthy()
    await user.click(document.body)
    expect(onClose).not.toHaveBeenCalled()
    expect(screen.getByRole('dialog', { name: 'Reset password' })).toBeTruthy()

    await user.click(within(dialog).getByRole('button', { name: 'Done' }))
    expect(onClose).toHaveBeenCalledTimes(1)
  })

  it('before anything is reset, a click outside closes it', async () => {
    const user = userEvent.setup()
    const onClose = vi.fn()
    render(<ResetPasswordDialog members={[member('pat')]} onClose={onClose} />, { wrapper: makeWrapper('test.dialog') })
    await screen.findByRole('dialog', { name: 'Reset password' })
    await user.click(document.body)
    expect(onClose).toHaveBeenCalledTimes(1)
    expect(resetMock).not.toHaveBeenCalled()
  })
})
