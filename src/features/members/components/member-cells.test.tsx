import { act, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CLOCK_TICK_MS, MinuteClock } from '../../../lib/clock.tsx'
import type { Member } from '../types.ts'
import { LastSignInCell } from './member-cells.tsx'

beforeEach(() => vi.useFakeTimers({ now: new Date('2026-12-02T10:00:00Z'), toFake: ['Date', 'setInterval', 'clearInterval'] }))
afterEach(() => vi.useRealTimers())

const signedInAt = (lastLogin: number) => ({ username: 'pat', lastLogin }) as Member

describe('Last sign-in cell', () => {
  it('keeps a relative time up to date while the page stays open, though the row is not drawn again', () => {
    render(
      <MinuteClock>
        <LastSignInCell member={signedInAt(Date.now() - 2 * 60_000)} />
      </MinuteClock>,
    )
    expect(screen.getByText('2 minutes ago')).toBeTruthy()
    act(() => vi.advanceTimersByTime(3 * CLOCK_TICK_MS))
    expect(screen.getByText('5 minutes ago')).toBeTruthy()
  })

  it('a row drawn for a new member between ticks is exact, not a minute behind', () => {
    const member = signedInAt(Date.now() - 2 * 60_000)
    const view = render(
      <MinuteClock>
        <LastSignInCell member={signedInAt(Date.now())} />
      </MinuteClock>,
    )
    // 50 s after the last tick (and 2 min 50 s after the sign-in), the row shows another member.
    act(() => vi.advanceTimersByTime(50_000))
    view.rerender(
      <MinuteClock>
        <LastSignInCell member={member} />
      </MinuteClock>,
    )
    expect(screen.getByText('3 minutes ago')).toBeTruthy()
  })

  it('a sign-in stamped by a portal clock ahead of this browser\'s reads as this minute, not as in the future', () => {
    render(
      <MinuteClock>
        <LastSignInCell member={signedInAt(Date.now() + 90_000)} />
      </MinuteClock>,
    )
    expect(screen.getByText('this minute')).toBeTruthy()
  })
})
