import type { Db, Queryable } from './connection.ts'

/**
 * The seats each user type has taken are kept by statement triggers on `users`
 * (migrations/007_assigned_seats.sql), and both the seat limits and the total
 * of an unfiltered search read them. Whatever changes members without those
 * triggers (a restore with `--disable-triggers`, `session_replication_role =
 * replica`, truncating `users` alone) leaves them wrong, silently and for
 * good. So each start compares them with a count of the members, and where
 * they differ, counts those types again and writes the count.
 *
 * The recount holds the row locks the triggers take (FOR NO KEY UPDATE, in
 * (org, type) order), not a lock on `users`, so it neither blocks other
 * processes' writes nor deadlocks with a type change that holds a type's row
 * and waits for `users`: a writer that committed before the locks is in the
 * recount, and one still open adds its change after ours, from its trigger.
 */

export interface SeatRow {
  org_id: string
  id: string
  max_users: number
  assigned_users: number
}

/**
 * Locks these user types' rows until the transaction ends, in the order and
 * the mode the seat triggers lock them ((org, type), FOR NO KEY UPDATE), so a
 * transaction that holds them already holds what the triggers will take.
 */
export function lockSeatRows(tx: Queryable, types: readonly { orgId: string; id: string }[]): Promise<SeatRow[]> {
  return tx.query<SeatRow>(
    `select t.org_id, t.id, t.max_users, t.assigned_users
       from user_types t join unnest($1::text[], $2::text[]) as m(org_id, id) on t.org_id = m.org_id and t.id = m.id
      order by t.org_id, t.id for no key update of t`,
    [types.map((type) => type.orgId), types.map((type) => type.id)],
  )
}

const COUNTS = `
  select t.org_id as "orgId", t.id, t.assigned_users as "kept",
         (select count(*) from users u where u.org_id = t.org_id and u.user_type_id = t.id)::int as "counted"
    from user_types t`

export interface SeatCountMismatch {
  orgId: string
  id: string
  kept: number
  counted: number
}

/** Corrects the kept seat counts that differ from the members' own; returns what was corrected (usually nothing). */
export async function repairSeatCounts(db: Db): Promise<SeatCountMismatch[]> {
  // One statement, one snapshot: the triggers write in the same transaction as the members they count.
  const mismatched = await db.query<SeatCountMismatch>(`select * from (${COUNTS}) c where kept <> counted`)
  if (mismatched.length === 0) return []
  return db.transaction(async (tx) => {
    // A long write elsewhere holding one of these rows must not stall the start for good.
    await tx.query(`set local lock_timeout = '10s'`)
    await lockSeatRows(tx, mismatched)
    // A new statement, so a new snapshot: taken after the locks.
    return tx.query<SeatCountMismatch>(
      `with recounted as (
         select c.* from (${COUNTS}) c join unnest($1::text[], $2::text[]) as m(org_id, id) on c."orgId" = m.org_id and c.id = m.id
          where c.kept <> c.counted)
       update user_types t set assigned_users = r.counted from recounted r where t.org_id = r."orgId" and t.id = r.id
       returning r."orgId", r.id, r.kept, r.counted`,
      [mismatched.map((type) => type.orgId), mismatched.map((type) => type.id)],
    )
  })
}
