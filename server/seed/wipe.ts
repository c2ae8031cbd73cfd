import type { Queryable } from '../db/connection.ts'

/** Empties every table but the migration record, so the next start seeds afresh. */
export async function wipeDatabase(db: Queryable): Promise<void> {
  const tables = await db.query<{ name: string }>(
    "select tablename as name from pg_tables where schemaname = current_schema() and tablename <> 'schema_migrations'",
  )
  if (tables.length === 0) return
  const list = tables.map((t) => `"${t.name.replaceAll('"', '""')}"`).join(', ')
  await db.query(`truncate table ${list} restart identity cascade`)
}

/** The secondary indexes of the users table, to show that search has what it needs. */
export async function userIndexNames(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ name: string }>(
    "select indexname as name from pg_indexes where schemaname = current_schema() and tablename = 'users' order by 1",
  )
  return rows.map((r) => r.name)
}
