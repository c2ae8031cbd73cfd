import { QueryClient } from '@tanstack/react-query'
import { act, render, renderHook, screen, within } from '@testing-library/react'
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { PortalRequestError } from '../../../lib/portal-client.ts'
import { BulkResults } from '../components/bulk-results.tsx'
import { makeWrapper, member, members, storageKeyFor } from './selection-test-utils.tsx'
import { type BulkCallResult, type BulkSupport, bulkOrEach, CANCELLED_REASON, eachMember, inChunks, moveThenDelete, NOT_MOVED_PREFIX, useBulkRun } from './use-bulk-run.ts'
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

const succeed = async (chunk: string[]): Promise<BulkCallResult[]> => chunk.map((username) => ({ username, status: 'success' }))
const tick = () => new Promise((resolve) => setTimeout(resolve, 1))

describe('bulkOrEach (an extension bulk call, single calls where the portal lacks it)', () => {
  it('uses the bulk call in chunks while the portal has it, with progress per chunk', async () => {
    const { result } = setup()
    const names = members(25).map((m) => m.username)
    const chunks: string[][] = []
    const single = vi.fn()
    const support: BulkSupport = {}
    const reports: number[] = []
    await act(() =>
      result.current.run.start({
        title: 'Change role',
        usernames: names,
        execute: (context) =>
          bulkOrEach(
            names,
            {
              call: async (chunk) => {
                chunks.push(chunk)
                return chunk.map((username) => (username === 'm013' ? { username, status: 'failure', error: { message: 'Does not fit.' } } : { username, status: 'success' }))
              },
              size: 10,
              support,
            },
            single,
            6,
          )({
            get cancelled() {
              return context.cancelled
            },
            report: (outcomes) => {
              reports.push(outcomes.length)
              context.report(outcomes)
            },
          }),
      }),
    )
    expect(chunks.map((c) => c.length)).toEqual([10, 10, 5])
    // Progress moves once per chunk.
    expect(reports).toEqual([10, 10, 5])
    expect(single).not.toHaveBeenCalled()
    expect(support.available).toBe(true)
    expect(result.current.run.state.outcomes.filter((o) => o.status === 'failed')).toEqual([{ username: 'm013', status: 'failed', reason: 'Does not fit.' }])
  })

  it('falls back to single calls, a bounded pool of them, when the first bulk call is refused, and remembers it', async () => {
    const { result } = setup()
    const names = members(9).map((m) => m.username)
    const support: BulkSupport = {}
    const bulk = vi.fn(async () => {
      throw new PortalRequestError('Invalid URL: no such operation.', 400, 'INVALID_URL')
    })
    let inFlight = 0
    let most = 0
    const single = vi.fn(async (username: string) => {
      inFlight += 1
      most = Math.max(most, inFlight)
      await tick()
      inFlight -= 1
      if (username === 'm004') throw refusal('m004 is the last administrator.')
    })
    const execute = bulkOrEach(names, { call: bulk, size: 5, support }, single, 3)
    await act(() => result.current.run.start({ title: 'Change role', usernames: names, execute }))
    expect(bulk).toHaveBeenCalledTimes(1)
    expect(single).toHaveBeenCalledTimes(9)
    expect(most).toBe(3)
    expect(support.available).toBe(false)
    const outcomes = result.current.run.state.outcomes
    expect(outcomes.filter((o) => o.status === 'done')).toHaveLength(8)
    expect(outcomes.find((o) => o.status === 'failed')).toEqual({ username: 'm004', status: 'failed', reason: 'm004 is the last administrator.' })
    // The next run goes straight to single calls.
    await act(() => result.current.run.start({ title: 'Change role', usernames: ['m004'], execute: bulkOrEach(['m004'], { call: bulk, size: 5, support }, async () => {}, 3) }))
    expect(bulk).toHaveBeenCalledTimes(1)
    expect(result.current.run.state.outcomes).toEqual([{ username: 'm004', status: 'done' }])
  })

  it('after another whole-call failure of the first call, this run goes one by one and the next tries the bulk call again', async () => {
    const { result } = setup()
    const support: BulkSupport = {}
    const bulk = vi
      .fn<(chunk: string[]) => Promise<BulkCallResult[]>>()
      .mockRejectedValueOnce(new PortalRequestError('Could not reach the portal (offline).', 0, 'NETWORK_ERROR'))
      .mockImplementation(async (chunk) => succeed(chunk))
    const single = vi.fn(async () => {})
    await act(() => result.current.run.start({ title: 'Change role', usernames: ['a', 'b'], execute: bulkOrEach(['a', 'b'], { call: bulk, size: 5, support }, single, 3) }))
    expect(single).toHaveBeenCalledTimes(2)
    expect(support.available).toBeUndefined()
    expect(result.current.run.state.outcomes.map((o) => o.status)).toEqual(['done', 'done'])
    await act(() => result.current.run.start({ title: 'Change role', usernames: ['c', 'd'], execute: bulkOrEach(['c', 'd'], { call: bulk, size: 5, support }, single, 3) }))
    expect(bulk).toHaveBeenCalledTimes(2)
    expect(single).toHaveBeenCalledTimes(2)
    expect(support.available).toBe(true)
  })

  it('once the bulk call worked, a whole-call failure fails its chunk only; an ended session never falls back', async () => {
    const { result } = setup()
    const names = members(6).map((m) => m.username)
    const support: BulkSupport = {}
    let calls = 0
    const single = vi.fn()
    const bulk = async (chunk: string[]) => {
      calls += 1
      if (calls === 2) throw new PortalRequestError('Could not reach the portal (offline).', 0, 'NETWORK_ERROR')
      return succeed(chunk)
    }
    await act(() => result.current.run.start({ title: 'Change role', usernames: names, execute: bulkOrEach(names, { call: bulk, size: 2, support }, single, 3) }))
    expect(result.current.run.state.outcomes.map((o) => o.status)).toEqual(['done', 'done', 'failed', 'failed', 'done', 'done'])
    expect(result.current.selection.members).toEqual([])

    const fresh: BulkSupport = {}
    const ended = async (): Promise<BulkCallResult[]> => {
      throw new PortalRequestError('Your session has ended. Please sign in again.', 498)
    }
    await act(() => result.current.run.start({ title: 'Change role', usernames: ['a', 'b'], execute: bulkOrEach(['a', 'b'], { call: ended, size: 5, support: fresh }, single, 3) }))
    expect(single).not.toHaveBeenCalled()
    expect(fresh.available).toBeUndefined()
    expect(result.current.run.state.outcomes.map((o) => o.status)).toEqual(['failed', 'failed'])
  })

  it('stops between chunks when cancelled; the rest are skipped and stay selected', async () => {
    const { result } = setup()
    const chosen = members(6)
    act(() => void result.current.selection.addMany(chosen))
    const names = chosen.map((m) => m.username)
    const sent: string[][] = []
    const bulk = async (chunk: string[]) => {
      sent.push(chunk)
      result.current.run.cancel()
      return succeed(chunk)
    }
    await act(() => result.current.run.start({ title: 'Change role', usernames: names, execute: bulkOrEach(names, { call: bulk, size: 2, support: {} }, vi.fn(), 3) }))
    expect(sent).toEqual([['m000', 'm001']])
    expect(result.current.run.state.outcomes.filter((o) => o.status === 'skipped').map((o) => o.reason)).toEqual(Array(4).fill(CANCELLED_REASON))
    expect(result.current.selection.members.map((m) => m.username)).toEqual(['m002', 'm003', 'm004', 'm005'])
  })
})

describe('inChunks with concurrency', () => {
  it('keeps at most `concurrency` bulk calls in flight', async () => {
    const { result } = setup()
    const names = members(10).map((m) => m.username)
    let inFlight = 0
    let most = 0
    const call = async (chunk: string[]) => {
      inFlight += 1
      most = Math.max(most, inFlight)
      await tick()
      inFlight -= 1
      return succeed(chunk)
    }
    await act(() => result.current.run.start({ title: 'Disable members', usernames: names, execute: inChunks(names, call, 2, 2) }))
    expect(most).toBe(2)
    expect(result.current.run.state.completed).toBe(10)
  })
})

describe('moveThenDelete', () => {
  it('deletes as content moves, in chunks, and never deletes a member whose move failed', async () => {
    const { result } = setup()
    const chosen = members(8)
    act(() => void result.current.selection.addMany(chosen))
    const log: string[] = []
    const removed: string[][] = []
    let movesInFlight = 0
    let mostMoves = 0
    const execute = moveThenDelete({
      toMove: ['m000', 'm001', 'm002', 'm003', 'm004', 'm005'],
      plain: ['m006', 'm007'],
      move: async (username) => {
        movesInFlight += 1
        mostMoves = Math.max(mostMoves, movesInFlight)
        await tick()
        movesInFlight -= 1
        log.push(`move ${username}`)
        if (username === 'm003') throw refusal('The receiver is disabled.')
      },
      remove: async (chunk) => {
        removed.push(chunk)
        log.push(`delete ${chunk.join(' ')}`)
        return chunk.map((username) => (username === 'm006' ? { username, status: 'failure', error: { message: 'm006 owns 1 item.' } } : { username, status: 'success' }))
      },
      concurrency: 2,
      size: 3,
    })
    await act(() => result.current.run.start({ title: 'Delete members', usernames: chosen.map((m) => m.username), removesMembers: true, execute }))
    expect(mostMoves).toBe(2)
    expect(removed.every((chunk) => chunk.length <= 3)).toBe(true)
    expect(removed.flat().sort()).toEqual(['m000', 'm001', 'm002', 'm004', 'm005', 'm006', 'm007'])
    // Deleting began before the last move finished.
    expect(log.findIndex((l) => l.startsWith('delete'))).toBeLessThan(log.lastIndexOf('move m005'))
    const failed = result.current.run.state.outcomes.filter((o) => o.status === 'failed')
    expect(failed).toHaveLength(2)
    expect(failed).toEqual(
      expect.arrayContaining([
        { username: 'm003', status: 'failed', reason: `${NOT_MOVED_PREFIX}The receiver is disabled.` },
        { username: 'm006', status: 'failed', reason: 'm006 owns 1 item.' },
      ]),
    )
    expect(result.current.run.state.completed).toBe(8)
    expect(result.current.selection.members.map((m) => m.username).sort()).toEqual(['m003', 'm006'])
  })

  it('after a cancel: moves not begun and members owning nothing are skipped; moved members are still deleted', async () => {
    const { result } = setup()
    const names = ['o1', 'o2', 'o3', 'o4', 'p1', 'p2']
    const removed: string[] = []
    const execute = moveThenDelete({
      toMove: ['o1', 'o2', 'o3', 'o4'],
      plain: ['p1', 'p2'],
      move: async (username) => {
        await tick()
        if (username === 'o2') result.current.run.cancel()
      },
      remove: async (chunk) => {
        removed.push(...chunk)
        return succeed(chunk)
      },
      concurrency: 1,
      size: 10,
    })
    await act(() => result.current.run.start({ title: 'Delete members', usernames: names, removesMembers: true, execute }))
    expect(removed).toEqual(['o1', 'o2'])
    const state = result.current.run.state
    expect(state.cancelled).toBe(true)
    expect(state.outcomes.filter((o) => o.status === 'skipped').map((o) => o.username).sort()).toEqual(['o3', 'o4', 'p1', 'p2'])
    expect(state.completed).toBe(6)
  })

  it('a failed delete call fails its chunk with the call’s reason', async () => {
    const { result } = setup()
    const execute = moveThenDelete({
      toMove: [],
      plain: ['a', 'b'],
      move: vi.fn(),
      remove: async () => {
        throw new PortalRequestError('Could not reach the portal (offline).', 0, 'NETWORK_ERROR')
      },
      concurrency: 2,
      size: 10,
    })
    await act(() => result.current.run.start({ title: 'Delete members', usernames: ['a', 'b'], removesMembers: true, execute }))
    expect(result.current.run.state.outcomes.map((o) => [o.username, o.status, o.reason])).toEqual([
      ['a', 'failed', 'Could not reach the portal (offline).'],
      ['b', 'failed', 'Could not reach the portal (offline).'],
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
        skipped: [
          { username: 'nora', status: 'skipped', reason: 'Has never signed in.' },
          { username: 'ned', status: 'skipped', reason: 'Has never signed in.' },
        ],
        execute: eachMember(['pat', 'uma'], async (u) => {
          if (u === 'uma') throw refusal('Only a full administrator can disable an administrator.')
        }),
      }),
    )
    const region = screen.getByRole('region', { name: 'Results' })
    expect(region.textContent).toContain('Disable members: 1 done, 2 skipped, 1 failed.')
    // One entry per reason, naming every member it applies to.
    const entry = (reason: string) => within(region).getAllByRole('listitem').find((item) => item.firstChild?.textContent?.startsWith(reason))
    expect(entry('Only a full administrator can disable an administrator.')?.textContent).toBe('Only a full administrator can disable an administrator.uma')
    expect(entry('Has never signed in.')?.textContent).toBe('Has never signed in. (2)noraned')
    // Nobody was selected (a row's menu): the hint does not say they stay selected.
    expect(region.textContent).toContain('Fix the cause and run the action again.')
    expect(region.textContent).not.toContain('stay selected')
  })

  it('says failed members stay selected when they do', async () => {
    sessionStorage.setItem(storageKeyFor('test.results'), JSON.stringify([member('uma')]))
    render(<ResultsProbe />, { wrapper: makeWrapper('test.results', new QueryClient()) })
    await act(() =>
      probed!.start({
        title: 'Disable members',
        usernames: ['uma'],
        execute: eachMember(['uma'], async () => {
          throw refusal('Only a full administrator can disable an administrator.')
        }),
      }),
    )
    expect(screen.getByRole('region', { name: 'Results' }).textContent).toContain('Failed members stay selected: fix the cause and run the action again.')
  })
})

describe('BulkResults while a run goes', () => {
  it('announces the start and the end, not every step; the count shows without being read out', async () => {
    render(<ResultsProbe />, { wrapper: makeWrapper('test.results', new QueryClient()) })
    const gates = new Map<string, () => void>()
    let finished: Promise<unknown> = Promise.resolve()
    await act(async () => {
      finished = probed!.start({
        title: 'Enable members',
        usernames: ['pat', 'uma'],
        execute: eachMember(['pat', 'uma'], (username) => new Promise<void>((resolve) => gates.set(username, resolve))),
      })
    })
    const region = await screen.findByRole('region', { name: 'Results' })
    const status = screen.getByRole('status')
    expect(status.textContent).toBe('Enable members: 2 members…')
    expect(region.textContent).toContain('0 of 2 done')

    await act(async () => gates.get('pat')?.())
    expect(region.textContent).toContain('1 of 2 done')
    expect(status.textContent).toBe('Enable members: 2 members…')

    await act(async () => {
      gates.get('uma')?.()
      await finished
    })
    expect(screen.getByRole('status').textContent).toBe('Enable members: 2 done, 0 skipped, 0 failed.')
  })
})

/** Hidden from screen readers by an ancestor (react-aria hides with aria-hidden, or inert where supported). */
const hiddenFromScreenReaders = (element: Element) =>
  Boolean(element.closest('[aria-hidden="true"], [inert]')) || ancestors(element).some((e) => (e as HTMLElement).inert)
const ancestors = (element: Element): Element[] => (element.parentElement ? [element.parentElement, ...ancestors(element.parentElement)] : [])

describe('BulkResults while a dialog is open', () => {
  it('a run started from a modal dialog is still heard: the status stays outside what the modal hides', async () => {
    render(
      <>
        <p>The Members page</p>
        <ResultsProbe />
        <ModalOverlay isOpen>
          <Modal>
            <Dialog>
              <Heading slot="title">Enable members</Heading>
            </Dialog>
          </Modal>
        </ModalOverlay>
      </>,
      { wrapper: makeWrapper('test.results', new QueryClient()) },
    )
    await screen.findByRole('dialog')
    // The modal does hide the rest of the page (so this test can fail).
    expect(hiddenFromScreenReaders(screen.getByText('The Members page', { selector: 'p' }))).toBe(true)

    const gates = new Map<string, () => void>()
    let finished: Promise<unknown> = Promise.resolve()
    await act(async () => {
      finished = probed!.start({
        title: 'Enable members',
        usernames: ['pat'],
        execute: eachMember(['pat'], (username) => new Promise<void>((resolve) => gates.set(username, resolve))),
      })
    })
    const status = document.querySelector('[role="status"]')!
    expect(status.textContent).toBe('Enable members: 1 member…')
    expect(hiddenFromScreenReaders(status)).toBe(false)
    await act(async () => {
      gates.get('pat')?.()
      await finished
    })
    expect(status.textContent).toBe('Enable members: 1 done, 0 skipped, 0 failed.')
    expect(hiddenFromScreenReaders(status)).toBe(false)
  })
})
