import { QueryClient } from '@tanstack/react-query'
import { act, render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { updateUserRole } from '../api/update-user-role.ts'
import { makeWrapper } from '../hooks/selection-test-utils.tsx'
import { MemberRowsProvider, useMemberRows } from './member-rows-context.tsx'

vi.mock('../api/update-user-role.ts', () => ({ updateUserRole: vi.fn() }))
vi.mock('../api/get-roles.ts', () => ({ getRoles: vi.fn(async () => []) }))
vi.mock('../api/get-user-types.ts', () => ({ getUserTypes: vi.fn(async () => []) }))
const updateMock = vi.mocked(updateUserRole)

let rows: ReturnType<typeof useMemberRows>
function Probe() {
  rows = useMemberRows()
  const change = rows.roleChangeOf('pat')
  return <p data-testid="pat">{change?.error ? `error: ${change.error.message}` : change?.pending ? `sending ${change.pending}` : 'idle'}</p>
}

/** The provider on the page `pageKey` names; `showPage` moves it to another. */
function renderRows(pageKey: string) {
  const Wrapper = makeWrapper('test.rows', new QueryClient())
  const page = (key: string) => (
    <Wrapper>
      <MemberRowsProvider pageKey={key}>
        <Probe />
      </MemberRowsProvider>
    </Wrapper>
  )
  const { rerender } = render(page(pageKey))
  return { showPage: (key: string) => rerender(page(key)) }
}

describe('role changes from the rows', () => {
  it('shows a failed change on its page, and drops it once that page is left', async () => {
    updateMock.mockRejectedValueOnce(new Error('The role does not fit.'))
    const { showPage } = renderRows('start=1')
    await act(async () => rows.changeRole('pat', 'org_publisher'))
    expect(screen.getByTestId('pat').textContent).toBe('error: The role does not fit.')
    showPage('start=26')
    expect(screen.getByTestId('pat').textContent).toBe('idle')
    // Back on the first page: the old error is not read out again.
    showPage('start=1')
    expect(screen.getByTestId('pat').textContent).toBe('idle')
  })

  it('an error that arrives after its page was left is shown neither on the next page nor on a return', async () => {
    let fail: (error: Error) => void = () => undefined
    updateMock.mockImplementationOnce(() => new Promise((_, reject) => (fail = reject)))
    const { showPage } = renderRows('start=1')
    act(() => rows.changeRole('pat', 'org_publisher'))
    expect(screen.getByTestId('pat').textContent).toBe('sending org_publisher')
    showPage('start=26')
    await act(async () => fail(new Error('The role does not fit.')))
    expect(screen.getByTestId('pat').textContent).toBe('idle')
    showPage('start=1')
    expect(screen.getByTestId('pat').textContent).toBe('idle')
  })
})
