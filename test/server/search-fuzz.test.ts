import fc from 'fast-check'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { DATA_EDITOR_ROLE_ID, VIEWER_ROLE_ID } from '../../server/domain/privileges.ts'
import { searchKey } from '../../server/search/keys.ts'
import { startTestServer, type TestServer } from './harness.ts'

let server: TestServer
let adminToken: string
let userToken: string
let everyone: any[]
beforeAll(async () => {
  server = await startTestServer()
  adminToken = await server.tokenFor('admin')
  userToken = await server.tokenFor('user')
  everyone = (await server.call('portals/self/users/search', { num: 100 }, { token: adminToken })).results
})
afterAll(() => server?.close())

const syntax = fc.constantFrom(
  ...'()[]{}":^~*?\\+-!&|: '.split(''),
  'AND ', 'OR ', 'NOT ', ' TO ', 'username:', 'created:', 'lastlogin:', 'role:', 'disabled:', 'email:', 'x:', 'ad', 'é', '1', '-1', '%', '_', "'",
)

test('any q or filter, from anyone, answers results or a 400/403 envelope — never a 500', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.oneof(fc.string({ unit: syntax, maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 40 })),
      fc.constantFrom('q', 'filter'),
      fc.boolean(),
      async (text, param, asAdmin) => {
        const body = await server.call('portals/self/users/search', { [param]: text }, { token: asAdmin ? adminToken : userToken })
        if (body.error) {
          expect(body.error.code === 400 || (!asAdmin && body.error.code === 403), JSON.stringify(body.error)).toBe(true)
          expect(body.error.message).not.toMatch(/select|syntax error|stack/i)
        } else {
          expect(body.total).toBeGreaterThanOrEqual(body.results.length)
        }
      },
    ),
    { numRuns: 300 },
  )
})

/** A generated query and what it must match, evaluated in JS over the members' full records. */
interface Case {
  q: string
  matches: (member: any) => boolean
}

const NAME_FIELDS: Record<string, string> = { username: 'username', fullname: 'fullName', firstname: 'firstName', lastname: 'lastName', email: 'email' }
const wordsOf = (text: string) => searchKey(text).trim().split(' ').filter(Boolean)

test('compiled queries find exactly what a JS reference filter finds', async () => {
  const words = [...new Set(everyone.flatMap((m) => Object.values(NAME_FIELDS).flatMap((f) => wordsOf(m[f]))))]
  const prefixes = [...new Set(words.flatMap((w) => [1, 2, 3, 5].map((n) => w.slice(0, n)))), 'zq', 'qx']
  const middles = [...new Set(words.flatMap((w) => [w.slice(1, 3), w.slice(2, 5)]).filter((s) => s.length >= 2))]
  const createdValues = everyone.map((m) => m.created)
  const anyWordStarts = (m: any, fields: string[], prefix: string) => fields.some((f) => wordsOf(m[f]).some((w) => w.startsWith(prefix)))

  const atom: fc.Arbitrary<Case> = fc.oneof(
    fc.constantFrom(...prefixes).map((p) => ({ q: p, matches: (m: any) => anyWordStarts(m, Object.values(NAME_FIELDS), p) })),
    fc.constantFrom(...middles).map((s) => ({ q: `*${s}*`, matches: (m: any) => Object.values(NAME_FIELDS).some((f) => searchKey(m[f]).includes(s)) })),
    fc.tuple(fc.constantFrom(...Object.keys(NAME_FIELDS)), fc.constantFrom(...prefixes)).map(([field, p]) => ({
      q: `${field}:${p.toUpperCase()}`,
      matches: (m: any) => anyWordStarts(m, [NAME_FIELDS[field]], p),
    })),
    fc.constantFrom('org_admin', 'org_publisher', 'org_user', VIEWER_ROLE_ID, DATA_EDITOR_ROLE_ID).map((role) => ({
      q: `role:${role}`,
      matches: (m: any) => (m.roleId ?? m.role) === role,
    })),
    fc.constantFrom('creatorUT', 'viewerUT', 'editorUT', 'GISProfessionalAdvUT', 'fieldWorkerUT').map((type) => ({
      q: `userlicensetype:${type}`,
      matches: (m: any) => m.userLicenseTypeId === type,
    })),
    fc.constantFrom('arcgis', 'enterprise').map((p) => ({ q: `provider:${p}`, matches: (m: any) => m.provider === p })),
    fc.tuple(fc.constantFrom('disabled', 'mfaenabled'), fc.boolean()).map(([field, value]) => ({
      q: `${field}:${value}`,
      matches: (m: any) => (field === 'disabled' ? m.disabled : m.mfaEnabled) === value,
    })),
    fc.constant({ q: 'lastlogin:-1', matches: (m: any) => m.lastLogin === -1 }),
    fc.tuple(fc.constantFrom(...createdValues), fc.constantFrom(...createdValues), fc.boolean(), fc.boolean()).map(([a, b, inLow, inHigh]) => {
      const [low, high] = a <= b ? [a, b] : [b, a]
      return {
        q: `created:${inLow ? '[' : '{'}${low} TO ${high}${inHigh ? ']' : '}'}`,
        matches: (m: any) => (inLow ? m.created >= low : m.created > low) && (inHigh ? m.created <= high : m.created < high),
      }
    }),
  )
  const { query } = fc.letrec<{ query: Case }>((tie) => ({
    query: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      atom,
      fc.tuple(tie('query'), fc.constantFrom(' ', ' AND ', ' && '), tie('query')).map(([a, op, b]) => ({
        q: `(${a.q})${op}(${b.q})`,
        matches: (m: any) => a.matches(m) && b.matches(m),
      })),
      fc.tuple(tie('query'), tie('query')).map(([a, b]) => ({ q: `(${a.q}) OR (${b.q})`, matches: (m: any) => a.matches(m) || b.matches(m) })),
      fc.tuple(fc.constantFrom('-', 'NOT ', '!'), tie('query')).map(([op, a]) => ({ q: `${op}(${a.q})`, matches: (m: any) => !a.matches(m) })),
    ),
  }))

  await fc.assert(
    fc.asyncProperty(query, async ({ q, matches }) => {
      const body = await server.call('portals/self/users/search', { q, num: 100 }, { token: adminToken })
      expect(body.error, q).toBeUndefined()
      const expected = everyone.filter(matches).map((m) => m.username)
      expect(body.results.map((m: any) => m.username).sort(), q).toEqual(expected.sort())
      expect(body.total).toBe(expected.length)
    }),
    { numRuns: 200 },
  )
})
