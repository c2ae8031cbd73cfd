import type { Queryable } from '../db/connection.ts'

/** Failed sign-ins allowed inside one window, per account and per address. */
export const SIGN_IN_LIMITS = { windowMs: 15 * 60_000, perAccount: 5, perAddress: 20 }

export const accountKey = (username: string) => `user:${username.slice(0, 256).toLowerCase()}`
export const addressKey = (address: string) => `ip:${address}`

export type AttemptVerdict = { allowed: true } | { allowed: false; retryAfterMs: number }

/**
 * Counts a sign-in attempt *before* the password is checked, each counter in
 * one atomic upsert, so parallel guesses cannot slip past the limit between a
 * read and a write. A success gives the attempt back (forgiveAttempt).
 * Once a counter is over its limit every attempt is refused until its window
 * ends, even one with the right password. Unknown usernames are counted too,
 * so a lock-out tells nothing about whether an account exists.
 */
export async function countAttempt(db: Queryable, username: string, address: string): Promise<AttemptVerdict> {
  const now = Date.now()
  const windowFloor = now - SIGN_IN_LIMITS.windowMs
  // Opportunistic sweep of ended windows (indexed on window_start).
  await db.query('delete from sign_in_failures where window_start <= $1', [windowFloor])
  let retryAfterMs = 0
  const counters: [string, number][] = [
    [accountKey(username), SIGN_IN_LIMITS.perAccount],
    [addressKey(address), SIGN_IN_LIMITS.perAddress],
  ]
  for (const [key, limit] of counters) {
    const [row] = await db.query<{ failures: number; window_start: number }>(
      `insert into sign_in_failures (key, window_start, failures) values ($1, $2, 1)
       on conflict (key) do update set
         failures = case when sign_in_failures.window_start > $3 then sign_in_failures.failures + 1 else 1 end,
         window_start = case when sign_in_failures.window_start > $3 then sign_in_failures.window_start else $2 end
       returning failures, window_start`,
      [key, now, windowFloor],
    )
    if (row.failures > limit) retryAfterMs = Math.max(retryAfterMs, row.window_start + SIGN_IN_LIMITS.windowMs - now)
  }
  return retryAfterMs > 0 ? { allowed: false, retryAfterMs } : { allowed: true }
}

/** A successful sign-in: the account starts afresh; the address gets its one attempt back. */
export async function forgiveAttempt(db: Queryable, username: string, address: string): Promise<void> {
  await db.query('delete from sign_in_failures where key = $1', [accountKey(username)])
  await db.query('update sign_in_failures set failures = greatest(failures - 1, 0) where key = $1', [addressKey(address)])
}
