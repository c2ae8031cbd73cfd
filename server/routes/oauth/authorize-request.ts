import { findClient, isRegisteredRedirect, type OAuthClient } from '../../auth/oauth-clients.ts'
import { isS256Challenge } from '../../auth/pkce.ts'
import type { Queryable } from '../../db/connection.ts'
import type { ServerConfig } from '../../http/context.ts'
import type { Params } from '../../http/params.ts'

/** What beginOAuth2 sends, carried through the sign-in form unchanged and signed with it. */
export const CARRIED_FIELDS = [
  'client_id',
  'response_type',
  'redirect_uri',
  'state',
  'code_challenge',
  'code_challenge_method',
  'expiration',
  'locale',
  'style',
] as const

export type CarriedFields = Record<(typeof CARRIED_FIELDS)[number], string>

export interface AuthorizeRequest {
  client: OAuthClient
  redirectUri: string
  state: string | undefined
  codeChallenge: string
  /** Life of the refresh token, in minutes. */
  refreshMinutes: number
  theme: 'light' | 'dark'
  fields: CarriedFields
}

export type AuthorizeCheck =
  | { kind: 'ok'; request: AuthorizeRequest }
  /** The client or redirect_uri cannot be trusted: show an error, never redirect. */
  | { kind: 'error-page'; message: string }
  /** The redirect_uri is registered: report the error to the app (RFC 6749 §4.1.2.1). */
  | { kind: 'error-redirect'; location: string }

const DEFAULT_REFRESH_MINUTES = 20160 // two weeks, as REST JS asks by default
const MAX_STATE_LENGTH = 4096

/** Appends parameters to a redirect URI, in its query or (implicit grant) fragment. */
export function appendToRedirect(redirectUri: string, values: Record<string, string | undefined>, inFragment = false): string {
  const pairs = Object.entries(values)
    .filter((pair): pair is [string, string] => pair[1] !== undefined)
    // encodeURIComponent, not URLSearchParams: REST JS decodes with decodeURIComponent, which keeps '+' as '+'.
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&')
  const separator = inFragment ? '#' : redirectUri.includes('?') ? '&' : '?'
  return `${redirectUri}${separator}${pairs}`
}

export async function checkAuthorizeRequest(db: Queryable, params: Params, config: ServerConfig): Promise<AuthorizeCheck> {
  const fields = Object.fromEntries(CARRIED_FIELDS.map((name) => [name, params[name] ?? ''])) as CarriedFields
  const client = fields.client_id ? await findClient(db, fields.client_id) : undefined
  if (!client) return { kind: 'error-page', message: 'This app is not registered with the portal (unknown client_id).' }
  const redirectUri = fields.redirect_uri
  if (!redirectUri || !isRegisteredRedirect(client, redirectUri))
    return { kind: 'error-page', message: `The redirect_uri is not registered for ${client.name}, so sign-in cannot return to it.` }

  const state = fields.state || undefined
  const fail = (error: string, description: string) => ({
    kind: 'error-redirect' as const,
    location: appendToRedirect(
      redirectUri,
      { error, error_description: description, state },
      fields.response_type === 'token',
    ),
  })
  if (fields.response_type !== 'code')
    return fail('unsupported_response_type', 'Only response_type=code (with PKCE) is supported.')
  if (!fields.code_challenge) return fail('invalid_request', 'code_challenge is required (PKCE).')
  if (fields.code_challenge_method !== 'S256') return fail('invalid_request', 'code_challenge_method must be S256.')
  if (!isS256Challenge(fields.code_challenge)) return fail('invalid_request', 'code_challenge is not a valid S256 challenge.')
  if ((state?.length ?? 0) > MAX_STATE_LENGTH) return fail('invalid_request', 'state is too long.')

  const max = config.maxTokenMinutes
  const expiration = fields.expiration === '' ? DEFAULT_REFRESH_MINUTES : Number(fields.expiration)
  // ArcGIS reads expiration=-1 as "as long as allowed".
  if (!Number.isInteger(expiration) || (expiration < 1 && expiration !== -1))
    return fail('invalid_request', 'expiration must be a whole number of minutes.')
  const refreshMinutes = expiration === -1 ? max : Math.min(expiration, max)

  return {
    kind: 'ok',
    request: {
      client,
      redirectUri,
      state,
      codeChallenge: fields.code_challenge,
      refreshMinutes,
      theme: fields.style === 'dark' ? 'dark' : 'light',
      fields,
    },
  }
}
