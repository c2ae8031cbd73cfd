import { SearchQueryBuilder } from '@esri/arcgis-rest-portal'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { PortalError } from '../../server/http/errors.ts'
import { searchKey } from '../../server/search/keys.ts'
import { parseQuery } from '../../server/search/query-parser.ts'
import { keyPattern } from '../../server/search/term-pattern.ts'
import { USER_FIELD_NAMES } from '../../server/search/user-fields.ts'
import { buildUserSearch } from '../../server/search/user-search.ts'

const ORG = 'org1'

/** The WHERE of a compiled query after the org condition, and its values after the org id. */
function compile(q: string) {
  const search = buildUserSearch(ORG, { q })
  return { where: search.countSql.replace(/^.* where u\.org_id = \$1 and /, ''), values: search.countParams.slice(1) }
}

function errorOf(run: () => unknown): PortalError {
  try {
    run()
  } catch (error) {
    if (error instanceof PortalError) return error
    throw error
  }
  throw new Error('expected a PortalError')
}

describe('compiling q', () => {
  test.each([
    ['smi', 'u.search_key like $2', ['% smi%']],
    ['*smi*', 'u.search_key like $2', ['%smi%']],
    ['jo smith', '(u.search_key like $2 and u.search_key like $3)', ['% jo%', '% smith%']],
    ['"jo smith"', '(u.search_key like $2 and (u.username_key like $2 or u.full_name_key like $2 or u.first_name_key like $2 or u.last_name_key like $2 or u.email_key like $2))', ['% jo smith%']],
    ['josé', 'u.search_key like $2', ['% jose%']],
    ['JEAN-LUC', '(u.search_key like $2 and (u.username_key like $2 or u.full_name_key like $2 or u.first_name_key like $2 or u.last_name_key like $2 or u.email_key like $2))', ['% jean luc%']],
    ['j?hn', 'u.search_key like $2', ['% j_hn%']],
    ['100%_off', '(u.search_key like $2 and (u.username_key like $2 or u.full_name_key like $2 or u.first_name_key like $2 or u.last_name_key like $2 or u.email_key like $2))', ['% 100 off%']],
    ['fullname:"Jo*"', 'u.full_name_key like $2', ['% jo%']],
    ['email:@example.com', 'u.email_key like $2', ['% example com%']],
    ['role:org_admin', '(u.role = $2 and u.role_id is null)', ['org_admin']],
    ['role:iaaaaaaaaaaaaaaa', '(u.role_id is not null and u.role_id = $2)', ['iAAAAAAAAAAAAAAA']],
    ['role:org_*', 'lower(coalesce(u.role_id, u.role)) like lower($2)', ['org\\_%']],
    ['userlicensetype:CREATORUT', 'u.user_type_id = $2', ['creatorUT']],
    ['provider:Enterprise', 'u.provider = $2', ['enterprise']],
    ['disabled:TRUE', 'u.disabled = $2', [true]],
    ['mfaenabled:false', 'u.mfa_enabled = $2', [false]],
    ['lastlogin:-1', 'u.last_login = $2', [-1]],
    ['created:[1 TO 5}', '(u.created >= $2 and u.created < $3)', [1, 5]],
    ['lastlogin:{0 TO *]', '(u.last_login > $2)', [0]],
    ['orgid:abc', 'u.org_id = $2', ['abc']],
    ['a OR b AND c', '(u.search_key like $2 or (u.search_key like $3 and u.search_key like $4))', ['% a%', '% b%', '% c%']],
    ['a NOT b', '(u.search_key like $2 and not (u.search_key like $3))', ['% a%', '% b%']],
    ['+a -b', '(u.search_key like $2 and not (u.search_key like $3))', ['% a%', '% b%']],
    ['a && !b || c', '((u.search_key like $2 and not (u.search_key like $3)) or u.search_key like $4)', ['% a%', '% b%', '% c%']],
    ['role:(org_admin OR org_user)', '((u.role = $2 and u.role_id is null) or (u.role = $3 and u.role_id is null))', ['org_admin', 'org_user']],
    ['username:jsmith^3', 'u.username_key like $2', ['% jsmith%']],
    ['owner\\:x', '(u.search_key like $2 and (u.username_key like $2 or u.full_name_key like $2 or u.first_name_key like $2 or u.last_name_key like $2 or u.email_key like $2))', ['% owner x%']],
    ['*', 'true', []],
    ['*:*', 'true', []],
  ])('%s', (q, where, values) => {
    expect(compile(q)).toEqual({ where, values })
  })

  test('an empty or blank query matches every member of the org, counted by the seats its user types have taken', () => {
    const search = buildUserSearch(ORG, { q: '   ' })
    expect(search.sql).toContain('select u.id from users u where u.org_id = $1 order by')
    expect({ sql: search.countSql, params: search.countParams }).toEqual({
      sql: 'select coalesce(sum(assigned_users), 0)::int as total from user_types where org_id = $1',
      params: [ORG],
    })
    // Not for a member's search (they do not see every profile) nor with a term.
    expect(buildUserSearch(ORG, { q: ' ', audience: { kind: 'member', selfId: 'x' } }).countSql).toMatch(/^select count\(\*\)/)
    expect(buildUserSearch(ORG, { q: '*' }).countSql).toBe('select count(*) as total from users u where u.org_id = $1 and true')
  })

  test('q and filter are both applied', () => {
    const search = buildUserSearch(ORG, { q: 'smi', filter: 'disabled:false' })
    expect(search.countSql).toContain('u.search_key like $2 and u.disabled = $3')
    expect(search.countParams).toEqual([ORG, '% smi%', false])
  })
})

describe('REST JS SearchQueryBuilder output parses', () => {
  const built = [
    new SearchQueryBuilder().match('jsmith').in('username'),
    new SearchQueryBuilder()
      .match('jsmith')
      .in('username')
      .and()
      .startGroup()
      .match('Jo*')
      .in('fullname')
      .or()
      .match('x')
      .in('email')
      .endGroup(),
    new SearchQueryBuilder().match('Jo Smith').in('fullname').or().match('jo').in('firstname').boost(2),
    new SearchQueryBuilder().not().match('true').in('disabled').and().from(new Date('2020-01-01')).to(new Date('2021-01-01')).in('created'),
    new SearchQueryBuilder().match('org_admin').in('-role'),
    new SearchQueryBuilder().match('jo', 'smith'),
    new SearchQueryBuilder().startGroup().startGroup().match('a').in('username').endGroup().or().match('b').endGroup(),
    'username:"jsmith" AND (fullname:"Jo*" OR email:x)',
  ]
  test.each(built.map((b) => [String(typeof b === 'string' ? b : b.toParam())]))('%s', (q) => {
    expect(() => buildUserSearch(ORG, { q })).not.toThrow()
  })

  test('its range form becomes a created range in epoch milliseconds', () => {
    const q = new SearchQueryBuilder().from(new Date(1_000)).to(new Date(2_000)).in('created').toParam()
    expect(compile(q)).toEqual({ where: '(u.created >= $2 and u.created <= $3)', values: [1000, 2000] })
  })
})

describe('malformed queries are a 400 that says what and where', () => {
  test.each([
    ['a AND', "'AND' must be followed by a term (at position 3)"],
    ['(a OR b', "the '(' opened here is never closed; add a ')' (at position 1)"],
    ['a OR b)', "')' has no matching '(' (at position 7)"],
    ['"jo smith', 'the quote opened here is never closed; add a closing " (at position 1)'],
    ['foo:bar', "unknown field 'foo'; known fields: username, fullname"],
    ['disabled:maybe', "disabled takes true or false, not 'maybe' (at position 10)"],
    ['created:yesterday', "created takes epoch milliseconds (e.g. created:[1700000000000 TO *]), not 'yesterday' (at position 9)"],
    ['username:[a TO b]', 'ranges work on created and lastlogin only, not on username (at position 10)'],
    ['created:[1 2]', 'a range must read [from TO to] or {from TO to}, with TO in capitals (at position 9)'],
    ['created:[1 TO 2', "the range opened here is never closed; end it with ']' or '}' (at position 9)"],
    ['[1 TO 2]', 'a range needs a field, as in created:[1700000000000 TO *] (at position 1)'],
    ['OR a', "'OR' needs a term before it (at position 1)"],
    ['- a', "'-' must be followed directly by a term, as in -disabled:true (at position 1)"],
    ['username:', "'username:' must be followed by a value (at position 1)"],
    [':x', "':' needs a field name right before it, as in username:jsmith (at position 1)"],
    ['smith~2', 'fuzzy and proximity searches (~) are not supported (at position 6)'],
    ['a ^2', "'^' boosts the term right before it and needs a number, as in title:lake^2 (at position 3)"],
    ['()', "'()' holds nothing (at position 2)"],
    ['a]', "']' closes a range that was never opened (at position 2)"],
    ['a\\', "a '\\' at the end escapes nothing (at position 2)"],
  ])('%s', (q, problem) => {
    const error = errorOf(() => buildUserSearch(ORG, { q }))
    expect(error.code).toBe(400)
    expect(error.messageCode).toBe('INVALID_QUERY')
    expect(error.message).toContain(problem)
  })

  test('nesting and length are bounded, so no query can exhaust the stack', () => {
    expect(errorOf(() => buildUserSearch(ORG, { q: `${'('.repeat(5000)}a${')'.repeat(5000)}` })).message).toContain('is 10001 characters long')
    expect(errorOf(() => buildUserSearch(ORG, { q: `${'('.repeat(40)}a${')'.repeat(40)}` })).message).toContain('nests more than 32 levels')
    expect(errorOf(() => buildUserSearch(ORG, { q: `${'-'.repeat(100)}a` })).message).toContain('nests more than 32 levels')
  })
})

describe('paging and sorting', () => {
  test('only the first 10,000 hits can be paged', () => {
    expect(() => buildUserSearch(ORG, { start: 9991, num: 10 })).not.toThrow()
    const error = errorOf(() => buildUserSearch(ORG, { start: 9992, num: 10 }))
    expect([error.code, error.messageCode]).toEqual([400, 'SEARCH_LIMIT'])
    expect(error.message).toContain('would end at result 10,001')
  })

  test('every sort ends with the username key and id, in the same direction', () => {
    expect(buildUserSearch(ORG, { sortField: 'lastLogin', sortOrder: 'DESC' }).sql).toContain(
      'order by u.last_login desc, u.username_key desc, u.id desc limit $2 offset $3',
    )
    expect(buildUserSearch(ORG, {}).sql).toContain('order by u.username_key asc, u.id asc')
  })

  test('a bad sort field or order is a 400 naming the allowed values', () => {
    expect(errorOf(() => buildUserSearch(ORG, { sortField: 'email' })).message).toContain("'sortField' must be one of username, fullname")
    expect(errorOf(() => buildUserSearch(ORG, { sortOrder: 'up' })).message).toBe("'sortOrder' must be asc or desc; 'up' is not.")
  })

  test('a plain member may neither search nor sort by what they cannot see', () => {
    const member = { kind: 'member', selfId: 'me' } as const
    expect(errorOf(() => buildUserSearch(ORG, { q: 'email:x', audience: member })).code).toBe(403)
    expect(errorOf(() => buildUserSearch(ORG, { sortField: 'lastlogin', audience: member })).code).toBe(403)
    const search = buildUserSearch(ORG, { q: 'smi', audience: member })
    expect(search.countSql).toContain('(u.search_key like $2 and (u.username_key like $2 or u.full_name_key like $2 or u.first_name_key like $2 or u.last_name_key like $2))')
    expect(search.countSql).toContain("(u.access <> 'private' or u.id = $3)")
  })
})

describe('properties', () => {
  /** Characters and words that stress the grammar. */
  const syntax = fc.constantFrom(
    ...'()[]{}":^~*?\\+-!&|: \t'.split(''),
    'AND ', 'OR ', 'NOT ', ' TO ', 'username:', 'created:', 'role:', 'disabled:', 'foo:', 'a', 'é', '1', '-1', 'josé', '%', '_',
  )

  test('any string compiles or is a 400 INVALID_QUERY, never anything else', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: syntax, maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 60 })), (q) => {
        try {
          const search = buildUserSearch(ORG, { q })
          expect(placeholdersOf(search.countSql)).toBe(search.countParams.length)
          expect(placeholdersOf(search.sql)).toBe(search.params.length)
        } catch (error) {
          expect(error).toBeInstanceOf(PortalError)
          expect((error as PortalError).code).toBe(400)
          expect((error as PortalError).messageCode).toBe('INVALID_QUERY')
        }
      }),
      { numRuns: 3000 },
    )
  })

  test('generated valid queries always parse', () => {
    fc.assert(
      fc.property(validQuery(), (q) => {
        expect(parseQuery(q, { fields: USER_FIELD_NAMES })).not.toBeNull()
        const search = buildUserSearch(ORG, { q })
        expect(placeholdersOf(search.sql)).toBe(search.params.length)
      }),
      { numRuns: 1000 },
    )
  })

  test('a bare term folds exactly as the stored search keys do', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), (text) => {
        const key = searchKey(text)
        expect(keyPattern([{ text }])).toBe(key === '' ? null : `%${key}%`)
      }),
      { numRuns: 2000 },
    )
  })
})

/** The highest $n used: every value is referenced, none is missing. */
function placeholdersOf(sql: string): number {
  return Math.max(0, ...[...sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])))
}

/** Queries in the documented language, as a person or REST JS would write them. */
function validQuery(): fc.Arbitrary<string> {
  const word = fc.stringMatching(/^[a-zA-Zéü0-9][a-zA-Z0-9._@-]{0,8}$/)
  const wildcard = fc.tuple(fc.constantFrom('', '*'), word, fc.constantFrom('', '*', '?')).map((parts) => parts.join(''))
  const phrase = fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => `"${words.join(' ')}"`)
  const epoch = fc.oneof(fc.constant('-1'), fc.integer({ min: 0, max: 2_000_000_000_000 }).map(String), fc.constant('*'))
  const atom = fc.oneof(
    wildcard,
    phrase,
    fc.tuple(fc.constantFrom('username', 'fullname', 'firstname', 'lastname', 'email'), fc.oneof(wildcard, phrase)).map(([f, v]) => `${f}:${v}`),
    fc.constantFrom('role:org_admin', 'role:org_user', 'role:iAAAAAAAAAAAAAAA', 'userlicensetype:creatorUT', 'provider:arcgis', 'disabled:true', 'mfaenabled:false', 'lastlogin:-1', 'orgid:abc'),
    fc.tuple(fc.constantFrom('created', 'lastlogin'), fc.constantFrom('[', '{'), epoch, epoch, fc.constantFrom(']', '}')).map(([f, o, a, b, c]) => `${f}:${o}${a} TO ${b}${c}`),
  )
  const { query } = fc.letrec<{ query: string; clause: string }>((tie) => ({
    clause: fc.oneof(
      { depthSize: 'small' },
      atom,
      fc.tuple(fc.constantFrom('-', '+', 'NOT '), tie('clause')).map(([op, c]) => op + c),
      tie('query').map((q) => `(${q})`),
    ),
    query: fc.array(fc.tuple(fc.constantFrom(' ', ' AND ', ' OR ', ' && ', ' || '), tie('clause')), { minLength: 1, maxLength: 4 }).map((pairs) =>
      pairs.map(([op, clause], i) => (i === 0 ? clause : op + clause)).join(''),
    ),
  }))
  return query
}
