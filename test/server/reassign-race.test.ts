import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestServer, type TestServer } from './harness.ts'
import { addContent, addMember, memberExists, orgTotals, ownedBy } from './reassign-helpers.ts'

// Concurrency: run against PGlite (one connection: requests interleave between
// transactions) and PostgreSQL (TEST_DATABASE_URL: transactions really overlap).
let server: TestServer
let adminToken: string
beforeAll(async () => {
  server = await startTestServer()
  adminToken = await server.tokenFor('admin')
})
afterAll(() => server?.close())

const post = (path: string, params: Record<string, string> = {}) => server.call(path, params, { method: 'POST', token: adminToken })
const PAIRS = 10

async function pairs(prefix: string) {
  const result: Array<{ a: string; b: string; aId: string; bId: string }> = []
  for (let i = 0; i < PAIRS; i++) {
    const a = `${prefix}a${i}`
    const b = `${prefix}b${i}`
    const aId = await addMember(server, a)
    const bId = await addMember(server, b)
    await addContent(server.db, server.org.orgId, aId, { root: 2, folders: { F: 2 }, groups: 1 })
    result.push({ a, b, aId, bId })
  }
  return result
}

describe('moves racing deletes', () => {
  test('a reassign to B racing a delete of B: exactly one wins, and no item or group is lost', async () => {
    const list = await pairs('tb')
    const totals = await orgTotals(server.db, server.org.orgId)
    // Half the pairs send the move first, half the delete first.
    const outcomes = await Promise.all(
      list.map(({ a, b }, i) => {
        const move = () => post(`community/users/${a}/reassign`, { targetUsername: b })
        const remove = () => post(`community/users/${b}/delete`)
        return i % 2 === 0 ? Promise.all([move(), remove()]) : Promise.all([remove(), move()]).then(([d, m]) => [m, d])
      }),
    )
    for (const [i, [moved, deleted]] of outcomes.entries()) {
      const { aId, bId } = list[i]!
      if (moved.success) {
        // The move committed first: B now owns the content and the delete saw it.
        expect(deleted.error?.messageCode, JSON.stringify(deleted)).toBe('USER_OWNS_CONTENT')
        expect(await memberExists(server.db, bId)).toBe(true)
        expect((await ownedBy(server.db, bId)).itemCount).toBe(4)
      } else {
        // The delete committed first: the move found no receiver and moved nothing.
        expect(moved.error?.messageCode, JSON.stringify(moved)).toBe('REASSIGN_TARGET_NOT_FOUND')
        expect(deleted).toEqual({ success: true, username: list[i]!.b })
        expect((await ownedBy(server.db, aId)).itemCount).toBe(4)
      }
    }
    expect(await orgTotals(server.db, server.org.orgId)).toEqual(totals)
  })

  test('a reassign from A racing a delete of A: the move always succeeds; the delete only after it', async () => {
    const list = await pairs('ta')
    const totals = await orgTotals(server.db, server.org.orgId)
    const outcomes = await Promise.all(
      list.map(({ a, b }) => Promise.all([post(`community/users/${a}/reassign`, { targetUsername: b }), post(`community/users/${a}/delete`)])),
    )
    for (const [i, [moved, deleted]] of outcomes.entries()) {
      expect(moved).toEqual({ success: true })
      if (!deleted.success) expect(deleted.error.messageCode).toBe('USER_OWNS_CONTENT')
      expect((await ownedBy(server.db, list[i]!.bId)).itemCount).toBe(4)
    }
    expect(await orgTotals(server.db, server.org.orgId)).toEqual(totals)
  })

  test('A→B racing B→A never deadlocks (members are locked in one order) and conserves everything', async () => {
    const list = await pairs('tx')
    for (const { bId } of list) await addContent(server.db, server.org.orgId, bId, { root: 1, groups: 1 })
    const totals = await orgTotals(server.db, server.org.orgId)
    const outcomes = await Promise.all(
      list.map(({ a, b }) => Promise.all([post(`community/users/${a}/reassign`, { targetUsername: b }), post(`community/users/${b}/reassign`, { targetUsername: a })])),
    )
    for (const pair of outcomes) expect(pair).toEqual([{ success: true }, { success: true }])
    expect(await orgTotals(server.db, server.org.orgId)).toEqual(totals)
  })

  test('reassign-then-removeUsers of several members conserves the organization totals', async () => {
    const names = ['rd0', 'rd1', 'rd2', 'rd3', 'rd4']
    for (const name of names) await addContent(server.db, server.org.orgId, await addMember(server, name), { root: 3, folders: { Work: 2 }, groups: 1 })
    const totals = await orgTotals(server.db, server.org.orgId)
    const moves = await Promise.all(names.map((name) => post(`community/users/${name}/reassign`, { targetUsername: 'publisher' })))
    expect(moves).toEqual(names.map(() => ({ success: true })))
    const removed = await post('portals/self/removeUsers', { users: names.join(',') })
    expect(removed.notRemoved).toEqual([])
    expect(await orgTotals(server.db, server.org.orgId)).toEqual(totals)
    expect((await ownedBy(server.db, server.org.ids.publisher!)).folders).toEqual(expect.arrayContaining(['rd0_root', 'rd0_Work', 'rd4_root', 'rd4_Work']))
  })
})
