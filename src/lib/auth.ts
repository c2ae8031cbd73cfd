import { ArcGISIdentityManager, revokeToken } from '@esri/arcgis-rest-request'
import { appUrl } from './base-path.ts'
import type { ConsoleConfig } from './config.ts'
import { SESSION_STORAGE_KEY } from './session-key.ts'

/**
 * OAuth 2.0 + PKCE sign-in through ArcGIS REST JS, and where the session is kept.
 *
 * The serialized manager (access + refresh token) goes to sessionStorage, not
 * localStorage: it survives a reload and the OAuth redirect (same tab) but dies
 * with the tab, so a long-lived refresh token never sits on disk for every
 * other tab, extension or later user of a shared machine to find. Opening the
 * console in a new tab asks the portal again (one click when the portal
 * remembers you).
 */

export const CALLBACK_PATH = 'oauth-callback'

function oauthOptions(config: ConsoleConfig) {
  return {
    clientId: config.clientId,
    portal: config.portalUrl,
    redirectUri: appUrl(CALLBACK_PATH),
    popup: false,
    pkce: true,
  }
}

/**
 * Signs in. On a page of its own, the console leaves for the portal's sign-in
 * form and comes back to /oauth-callback (resolves with null, the page is gone).
 * Embedded in a frame it cannot: sign-in pages refuse to be framed (ours and
 * ArcGIS's, against clickjacking). There the form opens in a pop-up window and
 * this resolves with the signed-in manager, or null if the window was closed.
 */
export async function beginSignIn(config: ConsoleConfig): Promise<ArcGISIdentityManager | null> {
  if (!isEmbedded()) {
    await ArcGISIdentityManager.beginOAuth2(oauthOptions(config))
    return null
  }
  return signInThroughPopup(config)
}

export function isOAuthCallback(): boolean {
  return window.location.pathname === new URL(appUrl(CALLBACK_PATH)).pathname
}

/**
 * On /oauth-callback: trades the code for tokens; REST JS restores the URL the
 * user started from. In the sign-in pop-up, it hands the code to the framed
 * console that opened it instead, and closes (never resolves).
 */
export async function completeSignIn(config: ConsoleConfig): Promise<ArcGISIdentityManager> {
  const opener = signInOpener()
  if (opener) {
    opener.postMessage({ type: POPUP_MESSAGE, search: window.location.search }, window.location.origin)
    window.close()
    return new Promise<never>(() => {})
  }
  const manager = await ArcGISIdentityManager.completeOAuth2(oauthOptions(config))
  saveSession(manager)
  return manager
}

const POPUP_NAME = 'members-console-sign-in'
const POPUP_MESSAGE = 'members-console:oauth-callback'
const POPUP_FEATURES = 'popup=yes,width=520,height=680'

export function isEmbedded(): boolean {
  try {
    return window.top !== window.self
  } catch {
    return true // a cross-origin parent: certainly framed
  }
}

/**
 * The framed console that opened this window as its sign-in pop-up, if it was
 * (same origin, itself in a frame). Not window.name: browsers may clear it on
 * the way through another site's sign-in page.
 */
function signInOpener(): Window | null {
  try {
    const opener = window.opener as Window | null
    if (!opener || opener.location.origin !== window.location.origin) return null
    return opener.top !== opener ? opener : null
  } catch {
    return null
  }
}

/**
 * REST JS's own pop-up mode finishes the sign-in inside the pop-up, whose
 * storage a browser may partition apart from a framed page's: the PKCE
 * verifier saved by the frame would not be found there. So REST JS runs its
 * redirect flow with the frame's storage, only the navigation goes to the
 * pop-up, and the pop-up sends the code back (postMessage) for the frame to
 * redeem. The pop-up is opened before anything awaits, while the click that
 * asked for it still counts as a user gesture, so browsers do not block it.
 */
function signInThroughPopup(config: ConsoleConfig): Promise<ArcGISIdentityManager | null> {
  const popup = window.open('about:blank', POPUP_NAME, POPUP_FEATURES)
  if (!popup) return Promise.reject(new Error('The browser blocked the sign-in window. Allow pop-ups for this site, then sign in again.'))
  return new Promise((resolve, reject) => {
    const done = () => {
      window.removeEventListener('message', onMessage)
      window.clearInterval(closedWatch)
    }
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== window.location.origin || event.source !== popup || event.data?.type !== POPUP_MESSAGE) return
      done()
      const callback = frameWindow(appUrl(CALLBACK_PATH) + String(event.data.search ?? ''))
      ArcGISIdentityManager.completeOAuth2(oauthOptions(config), callback).then((manager: ArcGISIdentityManager) => {
        saveSession(manager)
        resolve(manager)
      }, reject)
    }
    // Closed without signing in: back to the sign-in page, nothing to report.
    const closedWatch = window.setInterval(() => {
      if (popup.closed) {
        done()
        resolve(null)
      }
    }, 500)
    window.addEventListener('message', onMessage)
    const navigateInPopup = frameWindow(window.location.href, (url) => {
      popup.location.href = url
    })
    Promise.resolve(ArcGISIdentityManager.beginOAuth2(oauthOptions(config), navigateInPopup)).catch((error: unknown) => {
      done()
      popup.close()
      reject(error)
    })
  })
}

/**
 * The window REST JS sees: this frame's storage and crypto, at `href`. Setting
 * location.href calls `navigate`; the callback page's history is left alone.
 */
function frameWindow(href: string, navigate?: (url: string) => void) {
  const url = new URL(href)
  return {
    localStorage: window.localStorage,
    crypto: window.crypto,
    isSecureContext: window.isSecureContext,
    TextEncoder: window.TextEncoder,
    btoa: (text: string) => window.btoa(text),
    atob: (text: string) => window.atob(text),
    opener: null,
    location: {
      get href() {
        return url.href
      },
      set href(next: string) {
        navigate?.(next)
      },
      search: url.search,
      hash: url.hash,
    },
    history: { state: null, replaceState: () => {} },
  }
}

export function saveSession(manager: ArcGISIdentityManager): void {
  try {
    sessionStorage.setItem(SESSION_STORAGE_KEY, manager.serialize())
  } catch {
    // Storage full or blocked (some embedded contexts): the session just won't survive a reload.
  }
}

/** The saved session, if it belongs to this portal and its refresh token (or token) is still good. */
export function restoreSession(config: ConsoleConfig): ArcGISIdentityManager | null {
  let saved: string | null = null
  try {
    saved = sessionStorage.getItem(SESSION_STORAGE_KEY)
  } catch {
    return null
  }
  if (!saved) return null
  try {
    const manager = ArcGISIdentityManager.deserialize(saved)
    const sameClient = manager.portal === config.portalUrl && manager.clientId === config.clientId
    const expires = manager.refreshToken ? manager.refreshTokenExpires : manager.tokenExpires
    if (sameClient && (!expires || expires.getTime() > Date.now())) return manager
  } catch {
    // A damaged entry is the same as none.
  }
  forgetSession()
  return null
}

export function forgetSession(): void {
  try {
    sessionStorage.removeItem(SESSION_STORAGE_KEY)
  } catch {
    // Nothing saved to remove.
  }
}

/** Revokes the refresh token and the access token, then forgets the session even if revoking failed. */
export async function signOut(manager: ArcGISIdentityManager): Promise<void> {
  forgetSession()
  const revocations = [manager.signOut()]
  if (manager.refreshToken && manager.token) {
    revocations.push(revokeToken({ clientId: manager.clientId, portal: manager.portal, token: manager.token }))
  }
  await Promise.allSettled(revocations)
}
