import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Db } from '../../server/db/connection.ts'
import { pickPageSql, queryUserSearch, SORT_ALL_HITS_MAX } from '../../server/search/run-user-search.ts'
import { buildUserSearch, type UserSearchInput } from '../../server/search/user-search.ts'
import { ensureDemoOrganization } from '../../server/seed/demo.ts'
import { insertMember } from '../../server/seed/org.ts'
import { freshDb } from './harness.ts'

// A search's total and pages must not depend on how they are computed: the
// LIKE form or the word index (004_search_words.sql), a page read along the
// sort index or sorted from every hit (run-user-search.ts pickPageSql).
const NOW = 1_790_000_000_000
const LONG_WORD = `${'k'.repeat(120)}tail`

let db: Db
let drop: () => Promise<void>
let orgId: string
beforeAll(async () => {
  ;({ db, drop } = await freshDb())
  await ensureDemoOrganization(db, { adminUsername: 'admin', adminPassword: 'admin-password-1', members: 3000, seed: 7, memberPassword: 'member-password-1', now: NOW })
  ;[{ org_id: orgId }] = await db.query<{ org_id: string }>("select org_id from users where username = 'admin'")
  await insertMember(db, orgId, { username: 'longword', firstName: LONG_WORD, lastName: 'Ωμέγα' })
  await insertMember(db, orgId, { username: 'digits2024', firstName: 'Numbers', lastName: 'O’Neil-Smith' })
}, 120_000)
afterAll(() => drop?.())

const ids = (rows: { id: string }[]) => rows.map((r) => r.id)
const run = (sql: string, params: unknown[]) => db.query<{ id: string }>(sql, params)

const QUERIES = [
  'a', 'm*', 'jo', 'smith', 'παπα', 'Σμ', 'ωμεγα', 'numbers', '2024', 'digits2024', 'o neil', 'neil', 'zzqx', '*ar*', 'j?hn',
  'k'.repeat(100), 'k'.repeat(101), `${'k'.repeat(120)}t`, 'm* AND userlicensetype:creatorUT', 'a* OR smith', '-m*', 'NOT a AND disabled:false',
  'role:org_admin', 'lastlogin:-1', '',
]
const SORTS: Pick<UserSearchInput, 'sortField' | 'sortOrder'>[] = [
  {},
  { sortField: 'fullname', sortOrder: 'desc' },
  { sortField: 'lastlogin', sortOrder: 'desc' },
  { sortField: 'level', sortOrder: 'asc' },
]

describe('the word index finds exactly what the LIKE finds', () => {
  test.each(QUERIES)('q=%s', async (q) => {
    const like = buildUserSearch(orgId, { q })
    const words = buildUserSearch(orgId, { q }, { wordIndex: true })
    const [likeCount] = await db.query<{ total: number }>(like.countSql, like.countParams)
    const [wordCount] = await db.query<{ total: number }>(words.countSql, words.countParams)
    expect(Number(wordCount.total)).toBe(Number(likeCount.total))
  })

  test('one-word prefixes use it; phrases, wildcards inside a word, and words over 100 characters do not', () => {
    const where = (q: string) => buildUserSearch(orgId, { q }, { wordIndex: true }).countSql
    expect(where('smith')).toContain('u.search_words @@ $2::tsquery')
    expect(buildUserSearch(orgId, { q: 'Σμ*' }, { wordIndex: true }).countParams).toEqual([orgId, "'σμ':*"])
    for (const q of ['"jo smith"', 'j?hn', '*ar*', 'k'.repeat(101), 'fullname:smith']) expect(where(q)).not.toContain('search_words')
    // A plain member's bare terms skip emails, so they stay on the per-column LIKEs.
    expect(buildUserSearch(orgId, { q: 'smith', audience: { kind: 'member', selfId: 'x' } }, { wordIndex: true }).countSql).not.toContain('search_words')
  })

  test('the long word is found by its first 100 characters and by more', async () => {
    for (const q of ['k'.repeat(100), 'k'.repeat(101), `${'k'.repeat(120)}t`]) {
      const { rows } = await queryUserSearch(db, buildUserSearch(orgId, { q }, { wordIndex: true }))
      expect(rows.map((r) => r.username)).toEqual(['longword'])
    }
  })
})

describe('a page is the same read along the sort index or sorted from every hit', () => {
  for (const sort of SORTS)
    test(`sort ${sort.sortField ?? 'username'} ${sort.sortOrder ?? 'asc'}`, async () => {
      for (const q of QUERIES) {
        for (const [start, num] of [[1, 25], [26, 25], [1, 100], [101, 7]]) {
          const search = buildUserSearch(orgId, { q, ...sort, start, num }, { wordIndex: true })
          const walked = await run(search.sql, search.params)
          const sorted = await run(search.hitsSql, search.hitsParams)
          expect(ids(sorted), `q=${q} start=${start}`).toEqual(ids(walked))
        }
      }
    })
})

describe('queryUserSearch', () => {
  test('total first, then the page; nothing read past the end', async () => {
    const all = await queryUserSearch(db, buildUserSearch(orgId, { num: 10 }, { wordIndex: true }))
    expect(all.total).toBe(3003)
    expect(all.rows).toHaveLength(10)
    expect(await queryUserSearch(db, buildUserSearch(orgId, { q: 'zzqx' }, { wordIndex: true }))).toEqual({ rows: [], total: 0 })
    const past = await queryUserSearch(db, buildUserSearch(orgId, { q: 'role:org_admin', start: 9000 }, { wordIndex: true }))
    expect(past.rows).toEqual([])
    expect(past.total).toBeGreaterThan(0)
  })

  test('few hits, or a page in the back half of up to 20,000, are sorted from every hit; others read along the index', () => {
    const search = (start: number) => buildUserSearch(orgId, { start, num: 25 }, { wordIndex: true })
    expect(pickPageSql(search(1), SORT_ALL_HITS_MAX).sql).toBe(search(1).hitsSql)
    expect(pickPageSql(search(1), SORT_ALL_HITS_MAX + 1).sql).toBe(search(1).sql)
    expect(pickPageSql(search(5000), 9000).sql).toBe(search(5000).hitsSql)
    expect(pickPageSql(search(5000), 30_000).sql).toBe(search(5000).sql)
  })
})
