import { Window } from 'happy-dom'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { interceptQueries, startTestServer, type TestServer } from './harness.ts'

// GET console/firstScreen: the console's first screen, drawn on the server by the console's own components.
let server: TestServer
let adminToken: string
beforeAll(async () => {
  server = await startTestServer()
  adminToken = await server.tokenFor('admin')
})
afterAll(() => server?.close())

const firstScreen = (params: Record<string, string>, token: string | undefined = adminToken) =>
  server.call('console/firstScreen', { base: '/', ...params }, { method: 'GET', token })

/** The page the markup shows: heading, the Members table's rows (email cells) and its range text. */
function read(html: string) {
  const document = new Window().document
  document.body.innerHTML = html
  const table = document.querySelector('table[aria-label="Members"]')
  return {
    document,
    heading: document.querySelector('h1')?.textContent,
    rowCount: table?.querySelectorAll('tbody tr').length ?? 0,
    text: table?.querySelector('tbody')?.textContent ?? '',
  }
}

describe('console/firstScreen', () => {
  test('draws the Members page for the URL with the rows the search answers, and hands over the answers', async () => {
    const body = await firstScreen({ location: '/?sort=fullname&order=desc' })
    expect(body.error).toBeUndefined()
    const direct = await server.call('portals/self/users/search', { q: '', sortField: 'fullname', sortOrder: 'desc', start: 1, num: 25 }, { method: 'GET', token: adminToken })
    const page = read(body.html)
    expect(page.heading).toBe('Members')
    expect(page.rowCount).toBe(direct.results.length)
    // In the search's order: each row holds its member's email, the first row the first member's.
    const emails = direct.results.map((member: { email: string }) => member.email)
    const positions = emails.map((email: string) => page.text.indexOf(email))
    expect(positions.every((at: number) => at >= 0)).toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
    // The answers it was drawn from, for the console to reuse: the same search, who is signed in, roles, user types.
    const search = body.answers.find((a: { path: string }) => a.path === 'portals/self/users/search')
    expect(search.answer.results.map((m: { username: string }) => m.username)).toEqual(direct.results.map((m: { username: string }) => m.username))
    expect(body.answers.map((a: { path: string }) => a.path).sort()).toEqual(
      ['community/self', 'portals/self', 'portals/self/roles', 'portals/self/userLicenseTypes', 'portals/self/users/search'].sort(),
    )
  })

  test('says where its time went (Server-Timing: the reads, then the render)', async () => {
    const response = await fetch(`${server.restUrl}/console/firstScreen?${new URLSearchParams({ f: 'json', base: '/', location: '/', token: adminToken })}`)
    expect(response.headers.get('server-timing')).toMatch(/^reads;dur=\d+(\.\d)?, render;dur=\d+(\.\d)?$/)
  })

  test('is a read: POST answers as GET does', async () => {
    const params = { base: '/', location: '/?q=adm' }
    const [viaGet, viaPost] = await Promise.all(['GET', 'POST'].map((method) => server.call('console/firstScreen', params, { method: method as 'GET' | 'POST', token: adminToken })))
    expect(viaPost.error).toBeUndefined()
    expect(read(viaPost.html).rowCount).toBe(2)
    expect(viaPost.answers).toEqual(viaGet.answers)
  })

  test('follows the view in the URL', async () => {
    const page = read((await firstScreen({ location: '/?q=adm&sort=username&order=desc' })).html)
    expect(page.rowCount).toBe(2)
    expect(page.text.indexOf('admin2@example.com')).toBeLessThan(page.text.indexOf('admin@example.com'))
    expect(read((await firstScreen({ location: '/?q=mallory' })).html).rowCount).toBe(1)
  })

  test('member data is text, never markup', async () => {
    const page = read((await firstScreen({ location: '/?q=mallory' })).html)
    expect(page.text).toContain('<script>alert(1)</script> Mallory')
    expect(page.document.querySelector('tbody script, tbody b')).toBeNull()
  })

  test('a console built for a base path is drawn at its URL under that path', async () => {
    expect(read((await firstScreen({ location: '/members/?q=adm', base: '/members/' })).html).rowCount).toBe(2)
  })

  test('draws numbers and dates in the browser’s locale and time zone, as the app will', async () => {
    const display = { locale: 'de-DE', timeZone: 'Asia/Tokyo' }
    const body = await firstScreen({ location: '/?sort=created&order=asc', ...display })
    const direct = await server.call('portals/self/users/search', { q: '', sortField: 'created', sortOrder: 'asc', start: 1, num: 25 }, { method: 'GET', token: adminToken })
    const { document } = read(body.html)
    // Date added of the first member: the date, and the exact time on hover (nine hours from UTC in Tokyo).
    const created = direct.results[0].created
    const addedSelector = `tbody time[datetime="${new Date(created).toISOString()}"]`
    const added = document.querySelector(addedSelector)
    const format = (timeZone: string, time?: 'short') => new Intl.DateTimeFormat(display.locale, { dateStyle: 'medium', timeStyle: time, timeZone }).format(created)
    expect(added?.textContent).toBe(format(display.timeZone))
    expect(added?.getAttribute('title')).toBe(format(display.timeZone, 'short'))
    expect(format(display.timeZone, 'short')).not.toBe(format('UTC', 'short'))
    // Numbers too: the total in Eastern Arabic digits for an Egyptian Arabic browser (the test
    // organization is too small for digit grouping to tell German from English).
    const arabic = read((await firstScreen({ location: '/?sort=created&order=asc', locale: 'ar-EG' })).html).document
    const total = new Intl.NumberFormat('ar-EG').format(direct.total)
    expect(total).not.toBe(String(direct.total))
    expect(arabic.body.textContent).toContain(total)
    // Without them, the server's own (and the next request is not affected by this one's).
    const plain = read((await firstScreen({ location: '/?sort=created&order=asc' })).html).document
    expect(plain.querySelector(addedSelector)?.getAttribute('title')).toBe(new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(created))
  })

  test.each([
    ['a locale that is not a language tag', { locale: 'not a locale!' }, 'INVALID_LOCALE', /'locale'/],
    ['an unknown time zone', { timeZone: 'Mars/Olympus_Mons' }, 'INVALID_TIME_ZONE', /'timeZone'/],
  ])('refuses %s with a clear error', async (_name, params, messageCode, names) => {
    const body = await firstScreen({ location: '/', ...params })
    expect(body.error).toMatchObject({ code: 400, messageCode })
    expect(body.error.message).toMatch(names)
  })

  test('needs a token of a member who may view members', async () => {
    expect((await firstScreen({ location: '/' }, '')).error.code).toBe(499)
    expect((await firstScreen({ location: '/' }, 'not-a-token')).error.code).toBe(498)
    expect((await firstScreen({ location: '/' }, await server.tokenFor('user'))).error).toMatchObject({ code: 403 })
  })

  test.each([
    ['no location', { location: '' }, 'INVALID_LOCATION'],
    ['a location on another host', { location: '//evil.example.com/' }, 'INVALID_LOCATION'],
    ['a relative location', { location: 'members' }, 'INVALID_LOCATION'],
    ['a base without its slashes', { location: '/', base: 'members' }, 'INVALID_BASE'],
    ['a base with markup', { location: '/', base: '/"><x>/' }, 'INVALID_BASE'],
    ['a location outside the base', { location: '/other/', base: '/members/' }, 'INVALID_LOCATION'],
  ])('refuses %s with a clear error', async (_name, params, messageCode) => {
    const body = await firstScreen(params)
    expect(body.error).toMatchObject({ code: 400, messageCode })
    expect(body.error.message).toMatch(/'(location|base)'/)
  })
})

describe('console/firstScreen, its reads', () => {
  let counted: TestServer
  let tokenLookups = 0
  beforeAll(async () => {
    counted = await startTestServer({}, {
      wrapDb: (db) =>
        interceptQueries(db, (sql, params, run) => {
          if (/from tokens t/.test(sql)) tokenLookups++
          return run(sql, params)
        }),
    })
  })
  afterAll(() => counted?.close())

  test('look the token up once, not once more for each of the five reads', async () => {
    const token = await counted.tokenFor('admin')
    tokenLookups = 0
    const body = await counted.call('console/firstScreen', { base: '/', location: '/' }, { method: 'GET', token })
    expect(body.answers).toHaveLength(5)
    expect(tokenLookups).toBe(1)
    // A request from the network still looks its own token up.
    await counted.call('portals/self', {}, { method: 'GET', token })
    expect(tokenLookups).toBe(2)
  })
})
