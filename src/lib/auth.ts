import { ArcGISIdentityManager, revokeToken } from '@esri/arcgis-rest-request'
import { appUrl, type ConsoleConfig } from './config.ts'

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

const STORAGE_KEY = 'members-console:session'
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

/** Leaves the page for the portal's sign-in form; it comes back to /oauth-callback. */
export async function beginSignIn(config: ConsoleConfig): Promise<void> {
  await ArcGISIdentityManager.beginOAuth2(oauthOptions(config))
}

export function isOAuthCallback(): boolean {
  return window.location.pathname === new URL(appUrl(CALLBACK_PATH)).pathname
}

/** On /oauth-callback: trades the code for tokens; REST JS restores the URL the user started from. */
export async function completeSignIn(config: ConsoleConfig): Promise<ArcGISIdentityManager> {
  const manager = await ArcGISIdentityManager.completeOAuth2(oauthOptions(config))
  saveSession(manager)
  return manager
}

export function saveSession(manager: ArcGISIdentityManager): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, manager.serialize())
  } catch {
    // Storage full or blocked (some embedded contexts): the session just won't survive a reload.
  }
}

/** The saved session, if it belongs to this portal and its refresh token (or token) is still good. */
export function restoreSession(config: ConsoleConfig): ArcGISIdentityManager | null {
  let saved: string | null = null
  try {
    saved = sessionStorage.getItem(STORAGE_KEY)
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
    sessionStorage.removeItem(STORAGE_KEY)
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
