import type { Context } from 'hono'
import type { AppEnv } from '../../http/context.ts'

/** CSP source for where the form's redirect lands (Chrome applies form-action to redirects after a POST). */
function redirectSource(redirectUri: string): string | undefined {
  try {
    const url = new URL(redirectUri)
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.origin
    // A native app's custom scheme, e.g. "myapp:".
    return /^[a-z][a-z0-9+.-]*:$/i.test(url.protocol) ? url.protocol : undefined
  } catch {
    return undefined
  }
}

/**
 * The sign-in page's own security headers: nothing inline runs, only our
 * stylesheet loads, the form posts to us (then redirects to the app), and no
 * other site may frame the page (clickjacking).
 */
function securityHeaders(c: Context<AppEnv>, redirectUri?: string) {
  const formAction = ["'self'", redirectUri && redirectSource(redirectUri)].filter(Boolean).join(' ')
  c.header(
    'Content-Security-Policy',
    `default-src 'none'; style-src 'self'; img-src 'self' data:; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`,
  )
  c.header('X-Frame-Options', 'DENY')
  c.header('X-Content-Type-Options', 'nosniff')
  // The page URL holds state and code challenge; the redirect holds the code.
  c.header('Referrer-Policy', 'no-referrer')
}

export function htmlPage(c: Context<AppEnv>, body: string, status: 200 | 400 | 403 | 429, redirectUri?: string) {
  securityHeaders(c, redirectUri)
  return c.html(body, status)
}

export function redirectTo(c: Context<AppEnv>, location: string) {
  securityHeaders(c)
  return c.redirect(location, 302)
}

/**
 * A form post from another site (login CSRF): refused when the browser says
 * so (Sec-Fetch-Site) or, for browsers that only send Origin, when Origin is
 * not this host. Without either header (not a browser), the signed form token
 * still has to match.
 */
export function isCrossSitePost(c: Context<AppEnv>): boolean {
  const site = c.req.header('sec-fetch-site')
  if (site) return site !== 'same-origin'
  const origin = c.req.header('origin')
  if (!origin) return false
  let host: string
  try {
    host = new URL(origin).host
  } catch {
    return true // includes Origin: null (sandboxed frames, privacy redirects)
  }
  const ownHost = (c.get('config').trustProxy && c.req.header('x-forwarded-host')) || c.req.header('host')
  return host !== ownHost
}
