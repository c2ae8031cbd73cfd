import type { Hono } from 'hono'
import type { AppEnv } from '../../http/context.ts'
import { registerAuthorize } from './authorize.ts'
import { registerApiCors } from './cors.ts'
import { registerGenerateToken } from './generate-token.ts'
import { registerTokenRoutes } from './token.ts'

/**
 * Sign-in: generateToken, and OAuth 2.0 authorization code + PKCE
 * (oauth2/authorize, oauth2/token, oauth2/revokeToken).
 * Registered first, so its CORS middleware covers every later /sharing/rest route.
 */
export function registerAuthRoutes(api: Hono<AppEnv>) {
  registerApiCors(api)
  registerGenerateToken(api)
  registerAuthorize(api)
  registerTokenRoutes(api)
}
