import type { Db } from './connection.ts'

/**
 * The seats each user type has taken are kept by statement triggers on `users`
 * (migrations/007_assigned_seats.sql), and both the seat limits and the total
 * of an unfiltered search read them. Whatever changes members without those
 * triggers (a restore with `--disable-triggers`, `session_replication_role =
 * replica`, truncating `users` alone) leaves them wrong, silently and for
 * good. So each start compares them with a count of the members, and where
 * they differ, counts again under the lock the migration took (no member
 * comes, goes or changes type between the count and its write).
 */

const MISMATCHED_TYPES = `
  select t.org_id as "orgId", t.id, t.assigned_users as "kept", coalesce(c.n, 0)::int as "counted"
    from user_types t
    left join (select org_id, user_type_id, count(*) as n from users group by 1, 2) c on c.org_id = t.org_id and c.user_type_id = t.id
   where t.assigned_users <> coalesce(c.n, 0)
   order by t.org_id, t.id`

export interface SeatCountMismatch {
  orgId: string
  id: string
  kept: number
  counted: number
}

/** Corrects the kept seat counts that differ from the members' own; returns what was corrected (usually nothing). */
export async function repairSeatCounts(db: Db): Promise<SeatCountMismatch[]> {
  // One statement, one snapshot: the triggers write in the same transaction as the members they count.
  if ((await db.query(MISMATCHED_TYPES)).length === 0) return []
  return db.transaction(async (tx) => {
    await tx.query('lock table users in share row exclusive mode')
    const mismatched = await tx.query<SeatCountMismatch>(MISMATCHED_TYPES)
    await tx.query(
      `update user_types t set assigned_users = (select count(*) from users u where u.org_id = t.org_id and u.user_type_id = t.id)
        where (t.org_id, t.id) in (select "orgId", id from jsonb_to_recordset($1::jsonb) as m("orgId" text, id text))`,
      [JSON.stringify(mismatched)],
    )
    return mismatched
  })
}
