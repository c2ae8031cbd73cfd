import { QueryClient, useQuery } from '@tanstack/react-query'
import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { disableUsers } from '../api/disable-users.ts'
import type { BulkCallResult } from '../hooks/use-bulk-run.ts'
import { makeWrapper, member, storageKeyFor } from '../hooks/selection-test-utils.tsx'
import DisableDialog from './disable-dialog.tsx'

vi.mock('../api/disable-users.ts', () => ({ disableUsers: vi.fn() }))
const disableMock = vi.mocked(disableUsers)

function deferred<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => {
    resolve = r
  })
  return { promise, resolve }
}

beforeEach(() => {
  sessionStorage.clear()
  disableMock.mockReset()
})

/** The list on screen, whose refetch after a run the test controls. */
function SlowList({ load }: { load: () => Promise<string[]> }) {
  useQuery({ queryKey: ['members', 'list', 'view'], queryFn: load })
  return null
}

const chosen = [member('pat'), member('uma'), member('nora', { lastLogin: -1 }), member('admin', { role: 'org_admin' })]

describe('Disable members dialog', () => {
  it('lists the skipped with reasons, shows progress while sending, and closes when all were done', async () => {
    const user = userEvent.setup()
    const onClose = vi.fn()
    const call = deferred<BulkCallResult[]>()
    disableMock.mockReturnValue(call.promise)
    render(<DisableDialog members={chosen} onClose={onClose} />, { wrapper: makeWrapper('test.dialog') })
    const dialog = await screen.findByRole('dialog', { name: 'Disable members' })
    const skipped = within(dialog).getByRole('region', { name: 'Skipped (2)' })
    expect(skipped.textContent).toContain('Has never signed in; only members who have signed in can be disabled.')
    expect(skipped.textContent).toContain('You cannot disable yourself.')

    await user.click(within(dialog).getByRole('button', { name: 'Disable 2 members' }))
    expect(disableMock).toHaveBeenCalledWith(['pat', 'uma'])
    const progress = within(dialog).getByRole('progressbar', { name: 'Disable members' })
    expect(progress.getAttribute('aria-valuetext')).toBe('0 of 2')
    expect(within(dialog).getByRole('button', { name: /Disable 2 members/ }).getAttribute('aria-disabled')).toBe('true')
    expect(onClose).not.toHaveBeenCalled()

    await act(async () => call.resolve([{ username: 'pat', status: 'success' }, { username: 'uma', status: 'success' }]))
    expect(onClose).toHaveBeenCalledTimes(1)
  })

  it('stays open after a failure, says it plainly, and retries only the failed member', async () => {
    const user = userEvent.setup()
    const onClose = vi.fn()
    disableMock.mockResolvedValueOnce([
      { username: 'pat', status: 'success' },
      { username: 'uma', status: 'failure', error: { message: 'uma is the last enabled full administrator.' } },
    ])
    // Chosen from the selection, as the bulk button does.
    sessionStorage.setItem(storageKeyFor('test.dialog'), JSON.stringify(chosen.slice(0, 2)))
    render(<DisableDialog members={chosen.slice(0, 2)} onClose={onClose} />, { wrapper: makeWrapper('test.dialog') })
    const dialog = await screen.findByRole('dialog', { name: 'Disable members' })
    await user.click(within(dialog).getByRole('button', { name: 'Disable 2 members' }))
    const alert = await within(dialog).findByRole('alert')
    expect(alert.textContent).toContain('1 member was not changed (1 done). Failed members stay selected.')
    expect(alert.textContent).toContain('uma: uma is the last enabled full administrator.')
    expect(onClose).not.toHaveBeenCalled()

    disableMock.mockResolvedValueOnce([{ username: 'uma', status: 'success' }])
    await user.click(within(dialog).getByRole('button', { name: 'Retry failed (1)' }))
    expect(disableMock).toHaveBeenLastCalledWith(['uma'])
    expect(onClose).toHaveBeenCalledTimes(1)
  })

  it("from a row's menu, with nobody selected, a failure does not claim the member stays selected", async () => {
    const user = userEvent.setup()
    disableMock.mockResolvedValueOnce([{ username: 'uma', status: 'failure', error: { message: 'uma is the last enabled full administrator.' } }])
    render(<DisableDialog members={[member('uma')]} onClose={vi.fn()} />, { wrapper: makeWrapper('test.dialog') })
    const dialog = await screen.findByRole('dialog', { name: 'Disable members' })
    await user.click(within(dialog).getByRole('button', { name: 'Disable 1 member' }))
    const alert = await within(dialog).findByRole('alert')
    expect(alert.textContent).toContain('1 member was not changed.')
    expect(alert.textContent).not.toContain('selected')
  })

  it('a cancel that came too late to hold anyone back says so, and claims nobody was left unsent', async () => {
    const user = userEvent.setup()
    const call = deferred<BulkCallResult[]>()
    disableMock.mockReturnValue(call.promise)
    render(<DisableDialog members={chosen.slice(0, 2)} onClose={vi.fn()} />, { wrapper: makeWrapper('test.dialog') })
    const dialog = await screen.findByRole('dialog', { name: 'Disable members' })
    await user.click(within(dialog).getByRole('button', { name: 'Disable 2 members' }))
    // One bulk call carries both: cancelling while it is out stops nothing.
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    await act(async () => call.resolve([{ username: 'pat', status: 'success' }, { username: 'uma', status: 'success' }]))
    const alert = await within(dialog).findByRole('alert')
    expect(alert.textContent).toBe('Cancelled: 2 done.')
  })

  it('keeps the confirm button disabled while the list refreshes after the run, so a second click sends nothing', async () => {
    const user = userEvent.setup()
    const onClose = vi.fn()
    const queryClient = new QueryClient()
    const refetch = deferred<string[]>()
    let listCalls = 0
    const loadList = () => (++listCalls === 1 ? Promise.resolve(['pat']) : refetch.promise)
    disableMock.mockResolvedValue([{ username: 'pat', status: 'success' }])
    render(
      <>
        <SlowList load={loadList} />
        <DisableDialog members={[member('pat')]} onClose={onClose} />
      </>,
      { wrapper: makeWrapper('test.dialog', queryClient) },
    )
    const dialog = await screen.findByRole('dialog', { name: 'Disable members' })
    await vi.waitFor(() => expect(listCalls).toBe(1))
    await user.click(within(dialog).getByRole('button', { name: /^Disable/ }))
    await vi.waitFor(() => expect(listCalls).toBe(2)) // the run is over; the list is refetching
    const confirm = within(dialog).getByRole('button', { name: /^Disable/ })
    expect(confirm.getAttribute('aria-disabled')).toBe('true')
    await user.click(confirm)
    expect(disableMock).toHaveBeenCalledTimes(1)

    await act(async () => refetch.resolve(['pat']))
    expect(onClose).toHaveBeenCalledTimes(1)
    expect(disableMock).toHaveBeenCalledTimes(1)
  })
})
