/**
 * A portal server in its own process on a PGlite data directory, for the
 * kill-in-the-middle test (kill-reassign.test.ts). Not a test itself.
 *
 *   node --import tsx test/server/kill-child.ts <dataDir>
 *
 * KILL_CHILD_SEED=1   create the test organization plus `hoarder`, who owns
 *                     2,000 items (200 in the root, 360 in each of 5 folders)
 *                     and 3 groups; then close the database and exit.
 * KILL_CHILD_HOLD=<regex>#<n>
 *                     test-only hook, in this script and not in the server:
 *                     the n-th SQL statement matching <regex> inside a
 *                     transaction runs, then "HELD" is printed and the
 *                     transaction never goes on (the parent kills us then).
 * KILL_CHILD_HOLD=after-commit
 *                     the first transaction that moved items commits, then
 *                     "HELD" is printed and the request never answers.
 *
 * Prints "READY <port> <admin token>" once serving on 127.0.0.1; exits
 * cleanly (closing the database) on SIGTERM.
 */
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { createApp } from '../../server/app.ts'
import { issueToken } from '../../server/auth/tokens.ts'
import { type Db, openDb, type Queryable } from '../../server/db/connection.ts'
import { insertGroup, insertMember } from '../../server/seed/org.ts'
import { createTestOrganization } from './fixture.ts'

const dataDir = process.argv[2]
if (!dataDir) throw new Error('usage: kill-child.ts <dataDir>')
const db = await openDb({ dataDir })

if (process.env.KILL_CHILD_SEED) {
  const org = await createTestOrganization(db)
  const hoarder = await insertMember(db, org.orgId, { username: 'hoarder', role: 'org_publisher', lastLogin: Date.now() })
  await db.query(
    `insert into items (id, owner_id, folder_id, title, type, created, modified)
     select md5('root' || n), $1, null, 'root item ' || n, 'Web Map', 0, 0 from generate_series(1, 200) n`,
    [hoarder],
  )
  for (let f = 0; f < 5; f++) {
    const folderId = md5Like(`folder${f}`)
    await db.query('insert into folders (id, owner_id, title, created) values ($1, $2, $3, 0)', [folderId, hoarder, `F${f}`])
    await db.query(
      `insert into items (id, owner_id, folder_id, title, type, created, modified)
       select md5($3 || n), $1, $2, $3 || ' item ' || n, 'Web Map', 0, 0 from generate_series(1, 360) n`,
      [hoarder, folderId, `F${f}`],
    )
  }
  for (let g = 0; g < 3; g++) await insertGroup(db, org.orgId, hoarder, `Hoard ${g}`)
  await db.close()
  process.exit(0)
}

function md5Like(text: string) {
  return Buffer.from(text.padEnd(16, '.')).toString('hex').slice(0, 32)
}

const hold = process.env.KILL_CHILD_HOLD ?? ''
const [holdPattern, holdCount] = hold.split('#')
const holdRegex = hold && hold !== 'after-commit' ? new RegExp(holdPattern!) : undefined
let seen = 0
const forever = () => new Promise<never>(() => {})
const announce = () => process.stdout.write('HELD\n')

function holding(inner: Db): Db {
  const wrap = (tx: Queryable, touched: { items: boolean }): Queryable => ({
    async query<T>(sql: string, params?: unknown[]) {
      const rows = await tx.query<T>(sql, params)
      if (/update items/.test(sql)) touched.items = true
      if (holdRegex?.test(sql) && ++seen === Number(holdCount ?? 1)) {
        announce()
        await forever()
      }
      return rows
    },
  })
  return {
    kind: inner.kind,
    query: (sql, params) => inner.query(sql, params),
    async transaction(fn) {
      const touched = { items: false }
      const result = await inner.transaction((tx) => fn(wrap(tx, touched)))
      if (hold === 'after-commit' && touched.items) {
        announce()
        await forever()
      }
      return result
    },
    close: () => inner.close(),
  }
}

const [admin] = await db.query<{ id: string }>("select id from users where username = 'admin'")
const { token } = await issueToken(db, { userId: admin!.id, kind: 'access', minutes: 60 })
const server = serve({ fetch: createApp(holding(db)).fetch, port: 0, hostname: '127.0.0.1' })
server.once('listening', () => {
  process.stdout.write(`READY ${(server.address() as AddressInfo).port} ${token}\n`)
})
process.once('SIGTERM', () => {
  server.close()
  db.close().then(() => process.exit(0))
})
