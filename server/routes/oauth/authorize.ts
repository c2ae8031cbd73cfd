import { readFileSync } from 'node:fs'
import type { Context, Hono } from 'hono'
import { applyOwnPasswordChange, prepareOwnPasswordChange } from '../../auth/change-password.ts'
import { clientAddress } from '../../auth/client-address.ts'
import { signFormToken, verifyFormToken } from '../../auth/form-token.ts'
import { createAuthorizationCode } from '../../auth/oauth-codes.ts'
import { type SignedInMember, signInWithPassword, waitHint } from '../../auth/sign-in.ts'
import type { Queryable } from '../../db/connection.ts'
import type { AppEnv } from '../../http/context.ts'
import { PortalError } from '../../http/errors.ts'
import { type AuthorizeRequest, appendToRedirect, CARRIED_FIELDS, checkAuthorizeRequest } from './authorize-request.ts'
import { htmlPage, isCrossSitePost, redirectTo } from './page-response.ts'
import { renderChangePasswordPage, renderErrorPage, renderSignInPage } from './sign-in-page.ts'

const stylesheet = readFileSync(new URL('./sign-in.css', import.meta.url), 'utf8')
const signedFields = (request: AuthorizeRequest) => CARRIED_FIELDS.map((name) => request.fields[name])

type View = { page: 'sign-in' | 'change-password'; error?: string; username?: string; status: 200 | 400 | 429 }

async function showForm(c: Context<AppEnv>, request: AuthorizeRequest, view: View) {
  const formToken = await signFormToken(c.get('db'), signedFields(request))
  const render = view.page === 'sign-in' ? renderSignInPage : renderChangePasswordPage
  return htmlPage(c, render({ request, formToken, error: view.error, username: view.username }), view.status, request.redirectUri)
}

/** Issues the code and sends the browser back to the app with it; `before` runs in the same transaction. */
async function completeSignIn(
  c: Context<AppEnv>,
  request: AuthorizeRequest,
  member: SignedInMember,
  before?: (tx: Queryable) => Promise<void>,
) {
  const code = await c.get('db').transaction(async (tx) => {
    await before?.(tx)
    return createAuthorizationCode(tx, {
      clientId: request.client.clientId,
      userId: member.id,
      redirectUri: request.redirectUri,
      codeChallenge: request.codeChallenge,
      refreshMinutes: request.refreshMinutes,
      credentialVersion: member.credentialVersion,
    })
  })
  return redirectTo(c, appendToRedirect(request.redirectUri, { code, state: request.state }))
}

/** GET/POST oauth2/authorize: the sign-in page of the authorization code flow with PKCE. */
export function registerAuthorize(api: Hono<AppEnv>) {
  api.get('/oauth2/sign-in.css', (c) => c.body(stylesheet, 200, { 'content-type': 'text/css; charset=utf-8' }))

  api.get('/oauth2/authorize', async (c) => {
    const check = await checkAuthorizeRequest(c.get('db'), c.get('params'), c.get('config'))
    if (check.kind === 'error-page') return htmlPage(c, renderErrorPage(check.message), 400)
    if (check.kind === 'error-redirect') return redirectTo(c, check.location)
    return showForm(c, check.request, { page: 'sign-in', status: 200 })
  })

  api.post('/oauth2/authorize', async (c) => {
    const db = c.get('db')
    const params = c.get('params')
    const check = await checkAuthorizeRequest(db, params, c.get('config'))
    if (check.kind === 'error-page') return htmlPage(c, renderErrorPage(check.message), 400)
    if (check.kind === 'error-redirect') return redirectTo(c, check.location)
    const { request } = check
    if (isCrossSitePost(c))
      return htmlPage(c, renderErrorPage('This sign-in form was sent from another site. Start signing in again from the app.'), 403)
    if (!(await verifyFormToken(db, params.form_token ?? '', signedFields(request))))
      return showForm(c, request, { page: 'sign-in', status: 400, error: 'This sign-in page has expired. Sign in again.' })

    const changing = params.step === 'change-password'
    const username = params.username ?? ''
    const outcome = await signInWithPassword(db, { username, password: params.password ?? '', address: clientAddress(c) })
    const page = changing ? 'change-password' : 'sign-in'
    if (outcome.status === 'locked') return showForm(c, request, { page, status: 429, username, error: waitHint(outcome.retryAfterMs) })
    if (outcome.status === 'invalid') {
      const error = changing ? 'The current password is incorrect.' : 'Invalid username or password.'
      return showForm(c, request, { page, status: 400, username, error })
    }

    const { member } = outcome
    if (!member.mustChangePassword) return completeSignIn(c, request, member)
    if (!changing) return showForm(c, request, { page: 'change-password', status: 200, username: member.username })

    const newPassword = params.new_password ?? ''
    const again = { page: 'change-password' as const, status: 400 as const, username: member.username }
    if (newPassword !== (params.confirm_password ?? ''))
      return showForm(c, request, { ...again, error: 'The new passwords do not match.' })
    try {
      const change = await prepareOwnPasswordChange(db, member.id, params.password ?? '', newPassword)
      return await completeSignIn(c, request, member, (tx) => applyOwnPasswordChange(tx, change))
    } catch (error) {
      if (error instanceof PortalError && error.code === 400) return showForm(c, request, { ...again, error: error.message })
      throw error
    }
  })
}
