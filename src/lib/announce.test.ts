import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ANNOUNCE_DELAY_MS, announce } from './announce.ts'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

const region = () => document.querySelector('[role="status"][data-live-announcer="true"]')

describe('announce', () => {
  it('says a message in one live region, a moment later, after emptying it', () => {
    announce('First.')
    expect(region()?.textContent).toBe('')
    vi.advanceTimersByTime(ANNOUNCE_DELAY_MS)
    expect(region()?.textContent).toBe('First.')
    // The same text again is emptied first, so it is read again.
    announce('First.')
    expect(region()?.textContent).toBe('')
    vi.advanceTimersByTime(ANNOUNCE_DELAY_MS)
    expect(region()?.textContent).toBe('First.')
    expect(document.querySelectorAll('[data-live-announcer="true"]')).toHaveLength(1)
  })

  it('keeps messages said in quick succession: one is not lost to the next', () => {
    announce('Role of pat changed to Publisher.')
    announce('pat is no longer on this page.')
    vi.advanceTimersByTime(ANNOUNCE_DELAY_MS)
    expect(region()?.textContent).toBe('Role of pat changed to Publisher. pat is no longer on this page.')
  })
})
