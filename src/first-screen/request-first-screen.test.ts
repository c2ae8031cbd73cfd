import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { SESSION_STORAGE_KEY } from '../lib/session-key.ts'

/** The server that serves the console: the only one asked. */
const PORTAL = `${window.location.origin}/sharing/rest`
const SCREEN = { html: '<h1>Members</h1><table aria-label="Members"></table>', answers: [] }
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

/** A fresh copy of the module, as each page load (or index.html's own copy of it) evaluates it. */
async function load() {
  vi.resetModules()
  return import('./request-first-screen.ts')
}

describe('the first screen, asked for as the page loads', () => {
  let fetchMock: ReturnType<typeof vi.fn>
  beforeEach(() => {
    fetchMock = vi.fn(async () => json(SCREEN))
    vi.stubGlobal('fetch', fetchMock)
    sessionStorage.clear()
    sessionStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify({ portal: `${PORTAL}/`, token: 'tok', tokenExpires: new Date(Date.now() + 3_600_000).toISOString() }))
    window.history.replaceState(null, '', '/?q=smith&page=2')
    document.body.innerHTML = '<div id="first-screen"></div><div id="root"></div>'
    delete window.membersConsoleFirstScreen
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
  })

  it('asks the session’s portal for this URL’s first screen, and shows it', async () => {
    const { firstScreen } = await load()
    await expect(firstScreen).resolves.toMatchObject(SCREEN)
    const sent = new URL(fetchMock.mock.calls[0]![0] as string)
    expect(sent.origin + sent.pathname).toBe(`${PORTAL}/console/firstScreen`)
    const { locale, timeZone } = Intl.DateTimeFormat().resolvedOptions()
    // In this browser's locale and time zone, as the app will draw it.
    expect(Object.fromEntries(sent.searchParams)).toEqual({ f: 'json', token: 'tok', location: '/?q=smith&page=2', base: '/', locale, timeZone })
    expect(document.getElementById('first-screen')?.innerHTML).toBe(SCREEN.html)
  })

  describe('in the locale and time zone this tab had on its last load (learning the browser’s costs ~30 ms)', () => {
    const REMEMBERED = 'members-console:display-locale'
    const browsers = () => Intl.DateTimeFormat().resolvedOptions()

    it('a tab’s first load learns them before it asks, and remembers them', async () => {
      const { firstScreen } = await load()
      const { locale, timeZone } = browsers()
      await expect(firstScreen).resolves.toEqual({ ...SCREEN, drawnIn: { locale, timeZone } })
      expect(JSON.parse(sessionStorage.getItem(REMEMBERED)!)).toEqual({ locale, timeZone })
    })

    it('a reload asks in the remembered ones without learning the browser’s, and says which it asked in', async () => {
      sessionStorage.setItem(REMEMBERED, JSON.stringify({ locale: 'de-CH', timeZone: 'Pacific/Chatham' }))
      const learned = vi.spyOn(Intl, 'DateTimeFormat')
      const { firstScreen } = await load()
      await expect(firstScreen).resolves.toEqual({ ...SCREEN, drawnIn: { locale: 'de-CH', timeZone: 'Pacific/Chatham' } })
      expect(learned).not.toHaveBeenCalled()
      const sent = new URL(fetchMock.mock.calls[0]![0] as string)
      expect([sent.searchParams.get('locale'), sent.searchParams.get('timeZone')]).toEqual(['de-CH', 'Pacific/Chatham'])
      // Whether it is the browser's is the app's to judge when it starts (hydration.ts), which learns them anew.
      const { learnDisplayLocale } = await import('./request-first-screen.ts')
      const { locale, timeZone } = browsers()
      expect(learnDisplayLocale()).toEqual({ locale, timeZone })
      expect(JSON.parse(sessionStorage.getItem(REMEMBERED)!)).toEqual({ locale, timeZone })
    })
  })

  it('is asked for once: the bundle’s copy reuses the request of index.html’s copy', async () => {
    const early = await load()
    const bundled = await load()
    expect(bundled.firstScreen).toBe(early.firstScreen)
    await bundled.firstScreen
    expect(fetchMock).toHaveBeenCalledTimes(1)
  })

  it.each([
    ['without a session', () => sessionStorage.clear()],
    ['with a token about to expire', () => sessionStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify({ portal: PORTAL, token: 'tok', tokenExpires: new Date(Date.now() + 30_000).toISOString() }))],
    ['on another page (the OAuth callback)', () => window.history.replaceState(null, '', '/oauth-callback?code=x')],
    [
      'from a portal on another origin (its markup would be put into this page)',
      () => sessionStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify({ portal: 'https://portal.example.com/sharing/rest', token: 'tok', tokenExpires: new Date(Date.now() + 3_600_000).toISOString() })),
    ],
  ])('is not asked for %s', async (_name, arrange) => {
    arrange()
    const { firstScreen } = await load()
    await expect(firstScreen).resolves.toBeUndefined()
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it('the app has drawn already: nothing is shown', async () => {
    document.getElementById('first-screen')?.remove()
    const { firstScreen } = await load()
    await expect(firstScreen).resolves.toMatchObject(SCREEN)
    expect(document.body.innerHTML).toBe('<div id="root"></div>')
  })

  it('a portal without it (ArcGIS answers "Invalid URL") is not asked again in this tab', async () => {
    fetchMock.mockResolvedValueOnce(json({ error: { code: 400, message: 'Invalid URL', details: [] } }))
    await expect((await load()).firstScreen).resolves.toBeUndefined()
    delete window.membersConsoleFirstScreen
    await expect((await load()).firstScreen).resolves.toBeUndefined()
    expect(fetchMock).toHaveBeenCalledTimes(1)
  })

  it.each([
    ['an error of its own', () => json({ error: { code: 500, message: 'The search failed.', details: [] } })],
    ['a server failure', () => new Response('Internal Server Error', { status: 500 })],
  ])('after %s, it is asked for again on the next load', async (_name, answer) => {
    fetchMock.mockResolvedValueOnce(answer())
    await expect((await load()).firstScreen).resolves.toBeUndefined()
    delete window.membersConsoleFirstScreen
    await expect((await load()).firstScreen).resolves.toMatchObject(SCREEN)
    expect(fetchMock).toHaveBeenCalledTimes(2)
  })
})
