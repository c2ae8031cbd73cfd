import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { VIEWER_ROLE_ID } from '../../server/domain/privileges.ts'
import { searchKey } from '../../server/search/keys.ts'
import { startTestServer, type TestServer } from './harness.ts'

let server: TestServer
let adminToken: string
let userToken: string
/** Every fixture member's full record, as an administrator sees them. */
let everyone: any[]
beforeAll(async () => {
  server = await startTestServer()
  adminToken = await server.tokenFor('admin')
  userToken = await server.tokenFor('user')
  everyone = (await search({ num: 100 })).results
})
afterAll(() => server?.close())

const search = (params: Record<string, string | number | boolean>, token = adminToken) =>
  server.call('portals/self/users/search', params, { token })
const list = (params: Record<string, string | number | boolean>, token = adminToken) => server.call('portals/self/users', params, { token })
const names = (body: any) => (body.results ?? body.users).map((u: any) => u.username).sort()
const found = async (q: string) => names(await search({ q, num: 100 }))

describe('portals/self/users/search', () => {
  test('answers the ArcGIS search shape with full records for an administrator', async () => {
    const body = await search({ q: 'admin', num: 5 })
    expect(body).toMatchObject({ query: 'admin', total: 2, start: 1, num: 5, nextStart: -1 })
    expect(body.results[0]).toMatchObject({ username: 'admin', email: 'admin@example.com', role: 'org_admin', userLicenseTypeId: 'creatorUT' })
    expect(everyone).toHaveLength(14)
  })

  test('a bare term matches the start of any word of the names and email, accents folded', async () => {
    expect(await found('jose')).toEqual(['josé.garcía'])
    expect(await found('GARCÍA')).toEqual(['josé.garcía'])
    expect(await found('garc')).toEqual(['josé.garcía'])
    expect(await found('arcia')).toEqual([])
    expect(await found('*arci*')).toEqual(['josé.garcía'])
    expect(await found('adm')).toEqual(['admin', 'admin2'])
    expect(await found('mallory')).toEqual(['script'])
    expect((await found('example')).length).toBe(14)
  })

  test('several terms must all match; OR and NOT combine them', async () => {
    expect(await found('ada admin')).toEqual(['admin'])
    expect(await found('"ada admin"')).toEqual(['admin'])
    // Words in a row match inside one name, never across two (username "admin", full name "Ada Admin").
    expect(await found('"admin ada"')).toEqual([])
    expect(await found('"jose garcia"')).toEqual(['josé.garcía'])
    expect(await found('josé.garcía')).toEqual(['josé.garcía'])
    expect(await found('uma OR vic')).toEqual(['user', 'viewer'])
    expect(await found('adm -alan')).toEqual(['admin'])
    expect(await found('adm AND NOT (alan OR ada)')).toEqual([])
  })

  test('fields', async () => {
    expect(await found('role:org_admin')).toEqual(['admin', 'admin2'])
    expect(await found(`role:${server.org.memberManagerRoleId}`)).toEqual(['manager'])
    expect(await found(`role:${VIEWER_ROLE_ID.toLowerCase()}`)).toEqual(['viewer'])
    expect(await found('userlicensetype:viewerut')).toEqual(['viewer'])
    expect(await found('provider:enterprise')).toEqual(['sso'])
    expect(await found('disabled:true')).toEqual(['disabled'])
    expect((await found('disabled:false')).length).toBe(13)
    expect(await found('mfaenabled:true')).toEqual(['sso'])
    expect(await found('lastlogin:-1')).toEqual(['never'])
    expect((await found('lastlogin:[0 TO *]')).length).toBe(13)
    expect(await found('email:jose')).toEqual(['josé.garcía'])
    expect(await found('username:jos*')).toEqual(['josé.garcía'])
    expect(await found('firstname:pia')).toEqual(['pro'])
    expect(await found('lastname:professional')).toEqual(['pro'])
    expect(await found('fullname:"olga owner"')).toEqual(['owner'])
    expect((await found(`orgid:${server.org.orgId}`)).length).toBe(14)
    expect(await found('accountid:other')).toEqual([])
  })

  test('created ranges are inclusive [ ] or exclusive { }', async () => {
    const created = everyone.map((u) => u.created).sort((a, b) => a - b)
    const [first, last] = [created[0], created.at(-1)]
    expect((await found(`created:[${first} TO ${last}]`)).length).toBe(14)
    expect((await found(`created:{${first} TO ${last}}`)).length).toBe(created.filter((c) => c > first && c < last).length)
    expect((await found(`created:[* TO ${first - 1}]`)).length).toBe(0)
  })

  test('q and filter both apply', async () => {
    expect(names(await search({ q: 'adm', filter: 'firstname:alan', num: 100 }))).toEqual(['admin2'])
  })

  test('a malformed query is a 400 envelope over HTTP 200 saying where', async () => {
    const response = await fetch(`${server.restUrl}/portals/self/users/search?f=json&q=${encodeURIComponent('(role:org_admin')}&token=${adminToken}`)
    expect(response.status).toBe(200)
    expect((await response.json()).error).toEqual({
      code: 400,
      messageCode: 'INVALID_QUERY',
      message: "Invalid query: the '(' opened here is never closed; add a ')' (at position 1).",
      details: [{ position: 1 }],
    })
    expect((await search({ q: 'colour:red' })).error.message).toContain("unknown field 'colour'")
  })

  test('needs a token; accepts POST', async () => {
    expect((await server.call('portals/self/users/search', { q: 'adm' })).error.code).toBe(499)
    expect(names(await server.call('portals/self/users/search', { q: 'adm' }, { token: adminToken, method: 'POST' }))).toEqual(['admin', 'admin2'])
  })
})

describe('sorting', () => {
  const sortKey: Record<string, (u: any) => (string | number | boolean | null)[]> = {
    username: () => [],
    fullname: (u) => [searchKey(u.fullName)],
    created: (u) => [u.created],
    modified: (u) => [u.modified],
    lastlogin: (u) => [u.lastLogin],
    role: (u) => [u.role, u.roleId ?? null],
    userlicensetype: (u) => [u.userLicenseTypeId],
    mfaenabled: (u) => [u.mfaEnabled],
  }
  /** As PostgreSQL orders: nulls after every value; then the username key and id tiebreak. */
  const compare = (field: string) => (a: any, b: any) => {
    const ka = [...sortKey[field](a), searchKey(a.username), a.id]
    const kb = [...sortKey[field](b), searchKey(b.username), b.id]
    for (let i = 0; i < ka.length; i++) {
      if (ka[i] === kb[i]) continue
      if (ka[i] === null) return 1
      if (kb[i] === null) return -1
      return (ka[i] as any) < (kb[i] as any) ? -1 : 1
    }
    return 0
  }

  for (const field of Object.keys(sortKey))
    for (const order of ['asc', 'desc'])
      test(`${field} ${order}`, async () => {
        const body = await search({ sortField: field, sortOrder: order, num: 100 })
        const expected = [...everyone].sort(compare(field))
        if (order === 'desc') expected.reverse()
        expect(body.results.map((u: any) => u.username)).toEqual(expected.map((u) => u.username))
      })

  test('pages of a sort with ties neither overlap nor skip', async () => {
    const whole = (await search({ sortField: 'role', num: 100 })).results.map((u: any) => u.username)
    const paged: string[] = []
    for (let start = 1; start !== -1; ) {
      const page = await search({ sortField: 'role', num: 3, start })
      paged.push(...page.results.map((u: any) => u.username))
      start = page.nextStart
    }
    expect(paged).toEqual(whole)
  })

  test('the plain list sorts by level (user type) too', async () => {
    const body = await list({ sortField: 'level', sortOrder: 'desc', num: 100 })
    expect(body.users[0].username).toBe('pro')
    expect(body.users.at(-1).username).toBe('viewer')
  })
})

describe('paging', () => {
  test('pages through every member with nextStart, -1 on the last page', async () => {
    const starts: number[] = []
    const seen: string[] = []
    for (let start = 1; start !== -1; ) {
      const page = await search({ num: 5, start })
      expect(page).toMatchObject({ total: 14, start, num: 5 })
      seen.push(...page.results.map((u: any) => u.username))
      starts.push(page.nextStart)
      start = page.nextStart
    }
    expect(starts).toEqual([6, 11, -1])
    expect(seen).toEqual(everyone.map((u) => u.username))
  })

  test('edges: past the end, an exact last page, num=0, num over 100', async () => {
    expect(await search({ start: 15 })).toMatchObject({ total: 14, start: 15, nextStart: -1, results: [] })
    const exact = await search({ start: 5, num: 10 })
    expect(exact).toMatchObject({ total: 14, nextStart: -1 })
    expect(exact.results).toHaveLength(10)
    expect(await search({ num: 0 })).toMatchObject({ total: 14, num: 0, nextStart: -1, results: [] })
    expect((await search({ num: 1000 })).num).toBe(100)
  })

  test('bad paging values are 400s', async () => {
    const bad: Record<string, string | number>[] = [{ start: 0 }, { num: -1 }, { num: 'ten' }, { start: 1.5 }]
    for (const params of bad)
      expect((await search(params)).error).toMatchObject({ code: 400, messageCode: 'INVALID_PARAMETER' })
  })

  test('only the first 10,000 hits can be paged', async () => {
    expect(await search({ start: 9991, num: 10 })).toMatchObject({ total: 14, results: [], nextStart: -1 })
    const error = (await search({ start: 9992, num: 10 })).error
    expect(error).toMatchObject({ code: 400, messageCode: 'SEARCH_LIMIT' })
    expect(error.message).toContain('Only the first 10,000 results can be paged')
  })
})

describe('portals/self/users (the plain list)', () => {
  test('answers under users, with paging keys', async () => {
    const body = await list({ num: 3 })
    expect(body).toMatchObject({ total: 14, start: 1, num: 3, nextStart: 4 })
    expect(body.users.map((u: any) => u.username)).toEqual(everyone.slice(0, 3).map((u) => u.username))
  })

  test('filters are ORed unless applyFiltersIntersection is true', async () => {
    expect(names(await list({ role: 'org_admin', provider: 'enterprise', num: 100 }))).toEqual(['admin', 'admin2', 'sso'])
    expect(names(await list({ role: 'org_admin', provider: 'enterprise', applyFiltersIntersection: true }))).toEqual([])
    expect(names(await list({ role: 'org_user', provider: 'enterprise', applyFilterIntersection: true }))).toEqual(['sso'])
  })

  test('list values, as comma lists or JSON arrays, match any of them', async () => {
    expect(names(await list({ role: `org_admin,${VIEWER_ROLE_ID}` }))).toEqual(['admin', 'admin2', 'viewer'])
    expect(names(await list({ userLicenseType: '["viewerUT","editorUT"]' }))).toEqual(['editor', 'viewer'])
  })

  test('name filters match words, wildcards allowed', async () => {
    expect(names(await list({ fullname: 'ada' }))).toEqual(['admin'])
    expect(names(await list({ username: 'adm*' }))).toEqual(['admin', 'admin2'])
    expect(names(await list({ firstname: 'josé' }))).toEqual(['josé.garcía'])
    expect(names(await list({ lastname: 'garcia', firstname: 'uma', num: 100 }))).toEqual(['josé.garcía', 'user'])
    expect(names(await list({ lastname: 'garcia', firstname: 'uma', applyFiltersIntersection: true }))).toEqual([])
  })
})

describe('what a plain member sees', () => {
  test('public records of others, their own full record', async () => {
    const body = await search({ num: 100 }, userToken)
    expect(body.total).toBe(14)
    const self = body.results.find((u: any) => u.username === 'user')
    const other = body.results.find((u: any) => u.username === 'admin')
    expect(self.email).toBe('user@example.com')
    expect(other).not.toHaveProperty('email')
    expect(other).not.toHaveProperty('role')
    expect(other).not.toHaveProperty('lastLogin')
  })

  test('bare terms do not reach emails; admin-only fields and sorts are refused', async () => {
    expect((await search({ q: 'example' }, userToken)).total).toBe(0)
    expect((await search({ q: 'ada' }, userToken)).total).toBe(1)
    expect((await search({ q: 'email:admin' }, userToken)).error).toMatchObject({ code: 403, messageCode: 'GWM_0003' })
    expect((await search({ q: 'disabled:true' }, userToken)).error.code).toBe(403)
    expect((await search({ sortField: 'lastlogin' }, userToken)).error.code).toBe(403)
    expect((await list({ role: 'org_admin' }, userToken)).error.code).toBe(403)
  })

  test('a custom administrator with portal:admin:viewUsers sees full records', async () => {
    const body = await search({ q: 'ada' }, await server.tokenFor('manager'))
    expect(body.results[0].email).toBe('admin@example.com')
  })
})
