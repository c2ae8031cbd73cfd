import type { Hono } from 'hono'
import { clientAddress } from '../../auth/client-address.ts'
import { signInWithPassword, waitHint } from '../../auth/sign-in.ts'
import { CredentialsChangedError, issueToken } from '../../auth/tokens.ts'
import type { AppEnv } from '../../http/context.ts'
import { badRequest, PortalError } from '../../http/errors.ts'
import { parseIntParam } from '../../http/params.ts'
import { respond } from '../../http/respond.ts'

const DEFAULT_MINUTES = 60
const CLIENTS = ['referer', 'requestip', 'ip']

/** One answer for every bad credential, so it never tells which part was wrong. */
const unableToGenerate = (messageCode: string, detail: string) =>
  new PortalError(400, messageCode, 'Unable to generate token.', [detail])

/**
 * POST generateToken, as ArcGIS: username + password → {token, expires, ssl}.
 * Tokens are not bound to the referer or address the client names; the
 * parameters are validated so clients written for ArcGIS behave the same.
 */
export function registerGenerateToken(api: Hono<AppEnv>) {
  api.post('/generatetoken', async (c) => {
    const params = c.get('params')
    // A password in a URL ends up in logs and browser history.
    if (new URL(c.req.url).searchParams.has('password'))
      throw badRequest('PASSWORD_IN_URL', 'Unable to generate token.', ['Send the password in the request body, not the URL.'])
    const username = params.username ?? ''
    const password = params.password ?? ''
    const missing = [!username && "'username' must be specified.", !password && "'password' must be specified."].filter(
      (m): m is string => Boolean(m),
    )
    if (missing.length) throw badRequest('MISSING_PARAMETER', 'Unable to generate token.', missing)
    const client = (params.client || 'referer').toLowerCase()
    if (!CLIENTS.includes(client))
      throw badRequest('INVALID_PARAMETER', 'Unable to generate token.', ["'client' must be referer, requestIP or ip."])
    if (client === 'referer' && !params.referer)
      throw badRequest('MISSING_PARAMETER', 'Unable to generate token.', ["'referer' must be specified when client is referer."])
    if (client === 'ip' && !params.ip)
      throw badRequest('MISSING_PARAMETER', 'Unable to generate token.', ["'ip' must be specified when client is ip."])
    const minutes = parseIntParam('expiration', params.expiration, DEFAULT_MINUTES, 1, c.get('config').maxTokenMinutes)

    const db = c.get('db')
    const outcome = await signInWithPassword(db, { username, password, address: clientAddress(c) })
    if (outcome.status === 'locked') throw unableToGenerate('SIGN_IN_LOCKED', waitHint(outcome.retryAfterMs))
    if (outcome.status === 'invalid') throw unableToGenerate('INVALID_CREDENTIALS', 'Invalid username or password.')

    const { member } = outcome
    const issued = await issueToken(db, {
      userId: member.id,
      kind: 'access',
      minutes,
      restricted: member.mustChangePassword,
      credentialVersion: member.credentialVersion,
    }).catch((error) => {
      // Reset, disabled or deleted while signing in: the password checked is no longer the member's.
      if (error instanceof CredentialsChangedError) throw unableToGenerate('INVALID_CREDENTIALS', 'Invalid username or password.')
      throw error
    })
    return respond(c, {
      token: issued.token,
      expires: issued.expires,
      ssl: false,
      // Extension: the token only allows changing the password (community/users/{u}/reset).
      ...(member.mustChangePassword ? { mustChangePassword: true } : {}),
    })
  })

  // Credentials never travel in a query string: generateToken is POST only.
  api.get('/generatetoken', () => {
    throw new PortalError(405, 'METHOD_NOT_ALLOWED', 'generateToken requires POST: send the credentials in the request body.')
  })
}
