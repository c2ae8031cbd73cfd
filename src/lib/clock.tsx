import { createContext, type ReactNode, useContext, useEffect, useState } from 'react'

/** How often relative times ("3 minutes ago") are brought up to date: their smallest unit is the minute. */
export const CLOCK_TICK_MS = 60_000

const ClockContext = createContext<number | null>(null)

/**
 * The time relative times below it are counted from, moved on every minute.
 * Table rows are memoized and drawn again only when their member changes, so
 * without it a "2 minutes ago" would stay so for as long as the page is open.
 */
export function MinuteClock({ children }: { children: ReactNode }) {
  const [now, setNow] = useState(Date.now)
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), CLOCK_TICK_MS)
    return () => window.clearInterval(timer)
  }, [])
  return <ClockContext.Provider value={now}>{children}</ClockContext.Provider>
}

/**
 * The clock's time (the current time outside a MinuteClock). It can be behind
 * by up to a tick, or more in a background tab, where timers are slowed.
 */
export function useNow(): number {
  return useContext(ClockContext) ?? Date.now()
}
