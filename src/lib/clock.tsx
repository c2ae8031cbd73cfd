import { createContext, type ReactNode, useContext, useEffect, useState } from 'react'

/** How often relative times ("3 minutes ago") are drawn again: their smallest unit is the minute. */
export const CLOCK_TICK_MS = 60_000

const TickContext = createContext(0)

/**
 * Draws relative times below it again every minute. Table rows are memoized
 * and drawn again only when their member changes, so without it a "2 minutes
 * ago" would stay so for as long as the page is open.
 */
export function MinuteClock({ children }: { children: ReactNode }) {
  const [tick, setTick] = useState(0)
  useEffect(() => {
    const timer = window.setInterval(() => setTick((n) => n + 1), CLOCK_TICK_MS)
    return () => window.clearInterval(timer)
  }, [])
  return <TickContext.Provider value={tick}>{children}</TickContext.Provider>
}

/**
 * The current time, for a component that a MinuteClock draws again every
 * minute. Read when drawing, not kept from the last tick: a row showing a new
 * member is exact, not up to a minute behind.
 */
export function useMinuteNow(): number {
  useContext(TickContext)
  return Date.now()
}
