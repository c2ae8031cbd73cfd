import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { pageKeys } from '../../server/search/paging.ts'
import { insertRows } from '../../server/seed/bulk.ts'
import { MEMBER_COLUMNS, memberValues } from '../../server/seed/org.ts'
import { startTestServer, type TestServer } from './harness.ts'

// Only the first 10,000 hits of a search can be paged (portal-api.md §4): a page
// may end at hit 10,000 at most (start + num - 1 ≤ 10,000), and nextStart must
// never point at a page the server would refuse.
const EXTRA = 10_050

let server: TestServer
let token: string
beforeAll(async () => {
  server = await startTestServer()
  token = await server.tokenFor('admin')
  const rows = Array.from({ length: EXTRA }, (_, i) => memberValues(server.org.orgId, { username: `bulk${String(i).padStart(5, '0')}` }))
  await insertRows(server.db, 'users', MEMBER_COLUMNS, rows)
}, 120_000)
afterAll(() => server?.close())

const search = (params: Record<string, string | number>) => server.call('portals/self/users/search', params, { token })

describe('nextStart at the 10,000-hit window', () => {
  test('a page whose successor would end past hit 10,000 has nextStart -1', async () => {
    // 30 does not divide 10,000: the page after 9,961–9,990 would be 9,991–10,020, which is refused.
    const page = await search({ q: 'bulk', start: 9961, num: 30 })
    expect(page.total).toBe(EXTRA)
    expect(page.results).toHaveLength(30)
    expect(page.nextStart).toBe(-1)
    expect((await search({ q: 'bulk', start: 9991, num: 30 })).error).toMatchObject({ code: 400, messageCode: 'SEARCH_LIMIT' })
  })

  test('following nextStart never reaches a refused page, and reaches hit 10,000 when num divides it', async () => {
    for (const num of [25, 30, 100]) {
      let start = 10_000 - 3 * num - (10_000 % num) + 1
      let last = 0
      for (let calls = 0; start !== -1; calls++) {
        expect(calls).toBeLessThan(5)
        const page = await search({ start, num })
        expect(page.error).toBeUndefined()
        expect(page.total).toBe(EXTRA + 14)
        expect(page.results).toHaveLength(num)
        last = page.start + page.results.length - 1
        start = page.nextStart
      }
      expect(last).toBe(10_000 - (10_000 % num))
    }
  })

  test('the plain org list stops at the same window', async () => {
    expect(await server.call('portals/self/users', { start: 9976, num: 25 }, { token })).toMatchObject({ start: 9976, nextStart: -1 })
    expect(await server.call('portals/self/users', { start: 9951, num: 25 }, { token })).toMatchObject({ start: 9951, nextStart: 9976 })
  })
})

describe('pageKeys', () => {
  test('a window limits nextStart to pages that fit in it; without one only the total does', () => {
    expect(pageKeys(20_000, { start: 9961, num: 30 }, 10_000).nextStart).toBe(-1)
    expect(pageKeys(20_000, { start: 9951, num: 25 }, 10_000).nextStart).toBe(9976)
    expect(pageKeys(20_000, { start: 9976, num: 25 }, 10_000).nextStart).toBe(-1)
    expect(pageKeys(20_000, { start: 9961, num: 30 }).nextStart).toBe(9991)
    expect(pageKeys(14, { start: 5, num: 10 }, 10_000).nextStart).toBe(-1)
    expect(pageKeys(15, { start: 5, num: 10 }, 10_000).nextStart).toBe(15)
    expect(pageKeys(15, { start: 1, num: 0 }, 10_000).nextStart).toBe(-1)
  })
})
