import { QueryClient } from '@tanstack/react-query'
import { act, render, renderHook, screen } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { PortalRequestError } from '../../../lib/portal-client.ts'
import { BulkResults } from '../components/bulk-results.tsx'
import { makeWrapper, members } from './selection-test-utils.tsx'
import { CANCELLED_REASON, eachMember, inChunks, useBulkRun } from './use-bulk-run.ts'
import { useMemberSelection } from './use-member-selection.ts'

beforeEach(() => sessionStorage.clear())

function setup() {
  const queryClient = new QueryClient()
  const invalidate = vi.spyOn(queryClient, 'invalidateQueries')
  const wrapper = makeWrapper('test.run', queryClient)
  const hook = renderHook(() => ({ run: useBulkRun(), selection: useMemberSelection() }), { wrapper })
  return { ...hook, invalidate }
}

const refusal = (message: string) => new PortalRequestError(message, 400, 'ORG_LAST_ADMIN')

describe('useBulkRun', () => {
  it('reports each member, deselects the done ones and keeps the failed ones selected', async () => {
    const { result, invalidate } = setup()
    const chosen = members(5)
    act(() => void result.current.selection.addMany(chosen))
    const calls: string[][] = []
    await act(() =>
      result.current.run.start({
        title: 'Disable members',
        usernames: chosen.slice(0, 4).map((m) => m.username),
        skipped: [{ username: 'm004', status: 'skipped', reason: 'Has never signed in.' }],
        execute: inChunks(
          chosen.slice(0, 4).map((m) => m.username),
          async (chunk) => {
            calls.push(chunk)
            return chunk.map((username) =>
              username === 'm002'
                ? { username, status: 'failure', error: { message: 'm002 is the last administrator.' } }
                : { username, status: 'success' },
            )
          },
          3,
        ),
      }),
    )
    // The portal's bulk call, in chunks no larger than asked.
    expect(calls).toEqual([['m000', 'm001', 'm002'], ['m003']])
    const state = result.current.run.state
    expect(state.phase).toBe('finished')
    expect(state.completed).toBe(4)
    expect(state.outcomes.filter((o) => o.status === 'failed')).toEqual([
      { username: 'm002', status: 'failed', reason: 'm002 is the last administrator.' },
    ])
    expect(result.current.selection.members.map((m) => m.username)).toEqual(['m002', 'm004'])
    expect(invalidate).toHaveBeenCalledWith(expect.objectContaining({ queryKey: ['members'] }))
  })

  it('runs single calls in a bounded pool and maps portal errors to their message', async () => {
    const { result } = setup()
    let inFlight = 0
    let most = 0
    const names = members(12).map((m) => m.username)
    await act(() =>
      result.current.run.start({
        title: 'Change role',
        usernames: names,
        execute: eachMember(
          names,
          async (username) => {
            inFlight += 1
            most = Math.max(most, inFlight)
            await new Promise((resolve) => setTimeout(resolve, 1))
            inFlight -= 1
            if (username === 'm007') throw refusal('You cannot change your own role.')
          },
          4,
        ),
      }),
    )
    expect(most).toBe(4)
    const outcomes = result.current.run.state.outcomes
    expect(outcomes).toHaveLength(12)
    expect(outcomes.find((o) => o.username === 'm007')).toEqual({
      username: 'm007',
      status: 'failed',
      reason: 'You cannot change your own role.',
    })
  })

  it('stops between members when cancelled; members not sent stay selected', async () => {
    const { result } = setup()
    const chosen = members(6)
    act(() => void result.current.selection.addMany(chosen))
    const sent: string[] = []
    const names = chosen.map((m) => m.username)
    await act(() =>
      result.current.run.start({
        title: 'Change role',
        usernames: names,
        execute: eachMember(
          names,
          async (username) => {
            sent.push(username)
            if (username === 'm001') result.current.run.cancel()
          },
          1,
        ),
      }),
    )
    expect(sent).toEqual(['m000', 'm001'])
    const state = result.current.run.state
    expect(state.cancelled).toBe(true)
    expect(state.outcomes.filter((o) => o.status === 'skipped').map((o) => [o.username, o.reason])).toEqual(
      ['m002', 'm003', 'm004', 'm005'].map((u) => [u, CANCELLED_REASON]),
    )
    expect(result.current.selection.members.map((m) => m.username)).toEqual(['m002', 'm003', 'm004', 'm005'])
  })

  it('retrying the failed members finishes the job and empties the selection', async () => {
    const { result } = setup()
    const chosen = members(3)
    act(() => void result.current.selection.addMany(chosen))
    let portalDown = true
    const step = async (username: string) => {
      if (portalDown && username !== 'm000') throw new PortalRequestError('Could not reach the portal (offline).', 0, 'NETWORK_ERROR')
    }
    const names = chosen.map((m) => m.username)
    await act(() => result.current.run.start({ title: 'Change role', usernames: names, execute: eachMember(names, step) }))
    const failed = result.current.run.state.outcomes.filter((o) => o.status === 'failed').map((o) => o.username)
    expect(failed).toEqual(['m001', 'm002'])
    expect(result.current.selection.members.map((m) => m.username)).toEqual(failed)

    portalDown = false
    await act(() => result.current.run.start({ title: 'Change role', usernames: failed, execute: eachMember(failed, step) }))
    expect(result.current.run.state.outcomes.map((o) => o.status)).toEqual(['done', 'done'])
    expect(result.current.selection.count).toBe(0)
  })

  it('fails a whole chunk with the call’s error when the bulk call itself fails', async () => {
    const { result } = setup()
    await act(() =>
      result.current.run.start({
        title: 'Enable members',
        usernames: ['a', 'b'],
        execute: inChunks(['a', 'b'], async () => {
          throw new PortalRequestError('You do not have permissions to access this resource or perform this operation.', 403, 'GWM_0003')
        }),
      }),
    )
    expect(result.current.run.state.outcomes.map((o) => [o.status, o.reason])).toEqual([
      ['failed', 'You do not have permissions to access this resource or perform this operation.'],
      ['failed', 'You do not have permissions to access this resource or perform this operation.'],
    ])
  })
})

let probed: ReturnType<typeof useBulkRun> | null = null
function ResultsProbe() {
  probed = useBulkRun()
  return <BulkResults />
}

describe('BulkResults', () => {
  it('lists done, skipped and failed members with reasons in the region "Results"', async () => {
    render(<ResultsProbe />, { wrapper: makeWrapper('test.results', new QueryClient()) })
    const run = probed
    expect(screen.queryByRole('region', { name: 'Results' })).toBeNull()
    await act(() =>
      run!.start({
        title: 'Disable members',
        usernames: ['pat', 'uma'],
        skipped: [{ username: 'nora', status: 'skipped', reason: 'Has never signed in.' }],
        execute: eachMember(['pat', 'uma'], async (u) => {
          if (u === 'uma') throw refusal('Only a full administrator can disable an administrator.')
        }),
      }),
    )
    const region = screen.getByRole('region', { name: 'Results' })
    expect(region.textContent).toContain('Disable members: 1 done, 1 skipped, 1 failed.')
    expect(region.textContent).toContain('uma: Only a full administrator can disable an administrator.')
    expect(region.textContent).toContain('nora: Has never signed in.')
  })
})
