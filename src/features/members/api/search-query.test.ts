import { describe, expect, it } from 'vitest'
import { buildMemberSearchParams, buildTextClause, escapeLucene, lastSignInClause, stableNow, typedSyntax, unsearchableWords } from './search-query.ts'
import { DEFAULT_VIEW, type MembersView } from './search-view.ts'

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0)
const DAY = 86_400_000
const view = (changes: Partial<MembersView> = {}): MembersView => ({ ...DEFAULT_VIEW, ...changes })

describe('escapeLucene', () => {
  it('backslash-escapes every special character', () => {
    expect(escapeLucene('a+b-c!d(e)f{g}h[i]j^k"l~m*n?o:p\\q/r')).toBe(
      'a\\+b\\-c\\!d\\(e\\)f\\{g\\}h\\[i\\]j\\^k\\"l\\~m\\*n\\?o\\:p\\\\q\\/r',
    )
  })
  it('escapes && and || as pairs and leaves single & and | alone', () => {
    expect(escapeLucene('a&&b||c&d|e')).toBe('a\\&\\&b\\|\\|c&d|e')
  })
  it('leaves ordinary text, @ and . untouched', () => {
    expect(escapeLucene('jose.garcia@example.com')).toBe('jose.garcia@example.com')
  })
})

describe('buildTextClause', () => {
  it('is undefined for blank text', () => {
    expect(buildTextClause('   ', 'all')).toBeUndefined()
  })
  it('ANDs bare words for all fields', () => {
    expect(buildTextClause('  ada  love ', 'all')).toBe('ada AND love')
  })
  it.each([
    ['fullname', 'fullname:ada AND fullname:love'],
    ['firstname', 'firstname:ada AND firstname:love'],
    ['lastname', 'lastname:ada AND lastname:love'],
    ['username', 'username:ada AND username:love'],
    ['email', 'email:ada AND email:love'],
  ] as const)('prefixes each word with the %s field', (scope, expected) => {
    expect(buildTextClause('ada love', scope)).toBe(expected)
  })
  it('keeps operators typed as words as words', () => {
    expect(buildTextClause('tom AND jerry OR not', 'all')).toBe('tom AND "AND" AND jerry AND "OR" AND not')
  })
  it('turns markup and query syntax into plain terms', () => {
    expect(buildTextClause('<script>alert(1)</script>', 'fullname')).toBe('fullname:<script>alert\\(1\\)<\\/script>')
    expect(buildTextClause('role:org_admin', 'all')).toBe('role\\:org_admin')
  })
})

describe('typedSyntax', () => {
  it('names the query syntax the plain-text box does not apply, once each', () => {
    expect(typedSyntax('j?hn username:pat NOT admin a?a')).toEqual(['?', ':', 'NOT'])
    expect(typedSyntax('ada^2 smi* ~x OR and not')).toEqual(['^', '*', '~', 'OR'])
    expect(typedSyntax("o'brien smith-jones ada@example.com")).toEqual([])
    // A word of neither letters nor digits is named by unsearchableWords instead.
    expect(typedSyntax('* ? smith')).toEqual([])
  })
})

describe('unsearchableWords', () => {
  it('are the words with no letter or digit in any script', () => {
    expect(unsearchableWords(' %  smith _ 🙂 " %  ')).toEqual(['%', '_', '🙂', '"'])
    expect(unsearchableWords('o\'brien a@b.com Zoë 李 ٣ -')).toEqual(['-'])
    expect(unsearchableWords('')).toEqual([])
  })
})

describe('lastSignInClause', () => {
  it('never is -1', () => {
    expect(lastSignInClause('never', NOW)).toBe('lastlogin:-1')
  })
  it('within N days is a range from N days ago', () => {
    expect(lastSignInClause('7d', NOW)).toBe(`lastlogin:[${NOW - 7 * DAY} TO 9999999999999]`)
    expect(lastSignInClause('30d', NOW)).toBe(`lastlogin:[${NOW - 30 * DAY} TO 9999999999999]`)
    expect(lastSignInClause('90d', NOW)).toBe(`lastlogin:[${NOW - 90 * DAY} TO 9999999999999]`)
  })
  it('over 90 days / 1 year start at 0 so members who never signed in are left out', () => {
    expect(lastSignInClause('over90d', NOW)).toBe(`lastlogin:[0 TO ${NOW - 90 * DAY}]`)
    expect(lastSignInClause('over1y', NOW)).toBe(`lastlogin:[0 TO ${NOW - 365 * DAY}]`)
  })
})

describe('buildMemberSearchParams', () => {
  it('sends no q, default sort and the first page of 25 for the default view', () => {
    expect(buildMemberSearchParams(view(), NOW)).toEqual({ q: undefined, sortField: 'fullname', sortOrder: 'asc', start: 1, num: 25 })
  })
  it.each([
    [{ role: ['org_admin'] }, 'role:org_admin'],
    [{ role: ['org_admin', 'iAAAAAAAAAAAAAAA'] }, '(role:org_admin OR role:iAAAAAAAAAAAAAAA)'],
    [{ type: ['creatorUT'] }, 'userlicensetype:creatorUT'],
    [{ type: ['viewerUT', 'editorUT'] }, '(userlicensetype:viewerUT OR userlicensetype:editorUT)'],
    [{ status: 'disabled' }, 'disabled:true'],
    [{ status: 'enabled' }, 'disabled:false'],
    [{ signin: 'never' }, 'lastlogin:-1'],
    [{ login: ['arcgis'] }, 'provider:arcgis'],
    [{ login: ['enterprise'] }, 'provider:enterprise'],
    [{ login: ['social'] }, '(provider:google OR provider:github OR provider:apple OR provider:facebook)'],
    [{ login: ['arcgis', 'enterprise'] }, '(provider:arcgis OR provider:enterprise)'],
    [{ mfa: 'on' }, 'mfaenabled:true'],
    [{ mfa: 'off' }, 'mfaenabled:false'],
  ] as [Partial<MembersView>, string][])('sends filter %j as q=%s', (filters, q) => {
    expect(buildMemberSearchParams(view(filters), NOW).q).toBe(q)
  })
  it('ANDs search text and every filter, in a fixed order', () => {
    const params = buildMemberSearchParams(
      view({ q: 'smith', in: 'lastname', role: ['org_user'], type: ['creatorUT'], status: 'enabled', signin: '30d', login: ['arcgis'], mfa: 'off' }),
      NOW,
    )
    expect(params.q).toBe(
      `lastname:smith AND role:org_user AND userlicensetype:creatorUT AND disabled:false AND lastlogin:[${NOW - 30 * DAY} TO 9999999999999] AND provider:arcgis AND mfaenabled:false`,
    )
  })
  it('maps sort, order and paging', () => {
    expect(buildMemberSearchParams(view({ sort: 'lastlogin', order: 'desc', page: 3, size: 50 }), NOW)).toMatchObject({
      sortField: 'lastlogin',
      sortOrder: 'desc',
      start: 101,
      num: 50,
    })
  })
})

describe('stableNow', () => {
  it('rounds down to the minute so one view gives one query for a while', () => {
    expect(stableNow(NOW + 59_999)).toBe(NOW)
    expect(stableNow(NOW + 60_000)).toBe(NOW + 60_000)
  })
})
