import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createApp } from '../../server/app.ts'
import type { Db, Queryable } from '../../server/db/connection.ts'
import { startTestServer, type TestServer } from './harness.ts'
import { addContent, addMember, memberExists, orgTotals, ownedBy } from './reassign-helpers.ts'

/**
 * The two interleavings of "move A's content to B" and "delete B", forced
 * statement by statement: a second app on the harness database runs every
 * transaction through a gate that can hold one transaction open at a chosen
 * statement. On PostgreSQL the other request really waits on B's row lock;
 * on PGlite (one connection) it waits for the held transaction as a whole.
 */
interface Gate {
  match: RegExp
  /** Hold the transaction after this statement until `release` resolves. */
  release?: Promise<void>
  reached: () => void
}

let server: TestServer
let gatedUrl: string
let stopGated: () => Promise<void>
let gates: Gate[] = []
let token: string

function gatedDb(db: Db): Db {
  const wrap = (tx: Queryable): Queryable => ({
    async query<T>(sql: string, params?: unknown[]) {
      const gate = gates.find((g) => g.match.test(sql))
      if (gate) gates = gates.filter((g) => g !== gate)
      if (gate && !gate.release) gate.reached() // signalled as the statement is sent
      const rows = await tx.query<T>(sql, params)
      if (gate?.release) {
        gate.reached()
        await gate.release
      }
      return rows
    },
  })
  return { kind: db.kind, query: (sql, params) => db.query(sql, params), transaction: (fn) => db.transaction((tx) => fn(wrap(tx))), close: async () => {} }
}

function gate(match: RegExp, hold: boolean) {
  let reached!: () => void
  let release!: () => void
  const reachedP = new Promise<void>((resolve) => (reached = resolve))
  const releaseP = hold ? new Promise<void>((resolve) => (release = resolve)) : undefined
  gates.push({ match, release: releaseP, reached })
  return { reached: reachedP, release: () => release() }
}

beforeAll(async () => {
  server = await startTestServer()
  token = await server.tokenFor('admin')
  const app = createApp(gatedDb(server.db))
  const http = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise<void>((resolve) => http.once('listening', () => resolve()))
  gatedUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}/sharing/rest`
  stopGated = () => new Promise<void>((resolve) => http.close(() => resolve()))
})
afterAll(async () => {
  await stopGated?.()
  await server?.close()
})

const post = async (path: string, params: Record<string, string> = {}) =>
  (await fetch(`${gatedUrl}/${path}`, { method: 'POST', body: new URLSearchParams({ f: 'json', token, ...params }) })).json()

const MOVE_ITEMS = /^\s*with moved as \(\s*update items/
const DELETE_LOCKS_MEMBER = /lower\(u\.username\) = lower\(\$1\).* for update/s
const MOVE_LOCKS_MEMBERS = /lower\(u\.username\) = any\(\$2::text\[\]\)/

async function pair(name: string) {
  const a = await addMember(server, `${name}a`)
  const b = await addMember(server, `${name}b`)
  await addContent(server.db, server.org.orgId, a, { root: 2, folders: { F: 3 }, groups: 1 })
  return { a, b, totals: await orgTotals(server.db, server.org.orgId) }
}

test('the move holds B while the delete of B waits: the delete then sees the content and refuses', async () => {
  const { b, totals } = await pair('m1')
  const moving = gate(MOVE_ITEMS, true)
  const move = post('community/users/m1a/reassign', { targetUsername: 'm1b' })
  await moving.reached // A's root items are B's now, uncommitted; B's row is locked
  const deleting = gate(DELETE_LOCKS_MEMBER, false)
  const remove = post('community/users/m1b/delete')
  if (server.db.kind === 'postgres') await deleting.reached // the delete is waiting on B's row lock
  moving.release()
  expect(await move).toEqual({ success: true })
  const refused = await remove
  expect(refused.error?.messageCode, JSON.stringify(refused)).toBe('USER_OWNS_CONTENT')
  expect(refused.error.details).toEqual(['5 items', '1 group'])
  expect((await ownedBy(server.db, b)).itemCount).toBe(5)
  expect(await orgTotals(server.db, server.org.orgId)).toEqual(totals)
})

test('the delete holds B while the move to B waits: the move then finds no receiver and moves nothing', async () => {
  const { a, b, totals } = await pair('m2')
  const deleting = gate(DELETE_LOCKS_MEMBER, true)
  const remove = post('community/users/m2b/delete')
  await deleting.reached // B's row is locked by the delete, not yet counted or deleted
  const moving = gate(MOVE_LOCKS_MEMBERS, false)
  const move = post('community/users/m2a/reassign', { targetUsername: 'm2b' })
  if (server.db.kind === 'postgres') await moving.reached // the move is waiting on B's row lock
  deleting.release()
  expect(await remove).toEqual({ success: true, username: 'm2b' })
  const refused = await move
  expect(refused.error?.messageCode, JSON.stringify(refused)).toBe('REASSIGN_TARGET_NOT_FOUND')
  expect(await memberExists(server.db, b)).toBe(false)
  expect((await ownedBy(server.db, a)).itemCount).toBe(5)
  expect(await orgTotals(server.db, server.org.orgId)).toEqual(totals)
})
