import { createHash, randomBytes } from 'node:crypto'
import { Hono } from 'hono'
import { requireCaller } from '../../server/auth/caller.ts'
import { CONSOLE_CLIENT_ID } from '../../server/console.ts'
import type { Db } from '../../server/db/connection.ts'
import { type AppEnv, defaultConfig } from '../../server/http/context.ts'
import { PortalError } from '../../server/http/errors.ts'
import { readParams } from '../../server/http/params.ts'
import { REDIRECT_URI } from './fixture.ts'
import type { TestServer } from './harness.ts'

/** Shared by the auth-*.test.ts files: raw HTTP helpers for generateToken and the OAuth flow. */

export async function postForm(url: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    redirect: 'manual',
  })
}

export async function generateToken(server: TestServer, fields: Record<string, string>, headers: Record<string, string> = {}) {
  const body = { f: 'json', client: 'referer', referer: 'http://localhost', ...fields }
  return (await postForm(`${server.restUrl}/generateToken`, body, headers)).json()
}

export function pkcePair() {
  const verifier = randomBytes(32).toString('base64url')
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') }
}

/** The parameters beginOAuth2 sends. */
export function authorizeParams(challenge: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    client_id: CONSOLE_CLIENT_ID,
    response_type: 'code',
    expiration: '20160',
    redirect_uri: REDIRECT_URI,
    state: JSON.stringify({ id: 'state-1', originalUrl: 'http://127.0.0.1:5999/members?q=a b' }),
    locale: '',
    style: '',
    code_challenge_method: 'S256',
    code_challenge: challenge,
    ...overrides,
  }
}

export async function getAuthorizePage(server: TestServer, params: Record<string, string>) {
  const response = await fetch(`${server.restUrl}/oauth2/authorize?${new URLSearchParams(params)}`, { redirect: 'manual' })
  return { response, html: await response.text() }
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" }

/** The hidden inputs of the sign-in form (what a browser would post back). */
export function hiddenFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const match of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)"/g))
    fields[match[1]] = match[2].replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e])
  return fields
}

/** What a browser sends with a same-origin form post. */
export const sameOrigin = { 'sec-fetch-site': 'same-origin' }

/** Submits the sign-in form as a browser would; returns the response (redirects not followed). */
export async function submitSignIn(
  server: TestServer,
  html: string,
  fields: Record<string, string>,
  headers: Record<string, string> = sameOrigin,
) {
  return postForm(`${server.restUrl}/oauth2/authorize`, { ...hiddenFields(html), ...fields }, headers)
}

/** GET the page, sign in, and return the code from the redirect. */
export async function authorizationCode(server: TestServer, username: string, password: string, challenge: string) {
  const { html } = await getAuthorizePage(server, authorizeParams(challenge))
  const response = await submitSignIn(server, html, { username, password })
  const location = response.headers.get('location')
  if (response.status !== 302 || !location) throw new Error(`sign-in did not redirect: ${response.status}`)
  return new URL(location).searchParams.get('code')!
}

export async function tokenCall(server: TestServer, fields: Record<string, string>) {
  return (await postForm(`${server.restUrl}/oauth2/token`, { f: 'json', client_id: CONSOLE_CLIENT_ID, ...fields })).json()
}

export async function mustChangePassword(db: Db, username: string) {
  await db.query('update users set must_change_password = true where lower(username) = lower($1)', [username])
}

/** A tiny operation guarded by requireCaller, standing in for any protected route. */
export function protectedProbe(db: Db) {
  const app = new Hono<AppEnv>()
  app.onError((error, c) => c.json(error instanceof PortalError ? error.toJSON() : { error: String(error) }))
  app.use('*', async (c, next) => {
    c.set('db', db)
    c.set('config', defaultConfig)
    c.set('params', await readParams(c))
    await next()
  })
  app.get('/probe', async (c) => c.json({ username: (await requireCaller(c)).username }))
  app.get('/probe-restricted', async (c) => c.json({ username: (await requireCaller(c, { allowRestricted: true })).username }))
  return async (path: string, token: string) => (await app.request(`${path}?token=${encodeURIComponent(token)}`)).json()
}
