import { type ArcGISIdentityManager, ArcGISRequestError, ArcGISTokenRequestError, request } from '@esri/arcgis-rest-request'
import { takeEarlyResponse } from './early-requests.ts'
import { isNoSuchOperation } from './no-such-operation.ts'

/**
 * The one way the console talks to its portal. Every call goes through
 * `portalRequest`, which adds the signed-in token (refreshing it when it has
 * expired) and turns the ArcGIS error envelope into a `PortalRequestError`.
 */

/** A portal error (the `{error:{code,messageCode,message,details}}` envelope), or a transport failure. */
export class PortalRequestError extends Error {
  /** ArcGIS code: 400, 403, 404, 498 (invalid/expired token), 499 (token required), 500; 0 = network failure. */
  code: number
  messageCode: string
  details: unknown[]
  /** The HTTP error status (4xx, 5xx) when there was one; ArcGIS's own errors come with HTTP 200. */
  httpStatus?: number
  constructor(message: string, code: number, messageCode = '', details: unknown[] = [], httpStatus?: number) {
    super(message)
    this.name = 'PortalRequestError'
    this.code = code
    this.messageCode = messageCode
    this.details = details
    this.httpStatus = httpStatus
  }
  /** The session is over (token invalid and could not be refreshed). */
  get isAuthError(): boolean {
    return this.code === 498 || this.code === 499
  }
  /** The caller lacks the privilege (GWM_0003), as opposed to a rule about the member (ORG_ADMIN_TARGET, …). */
  get isMissingPrivilege(): boolean {
    return this.code === 403 && this.messageCode === 'GWM_0003'
  }
  /** The portal has no such operation (an extension it lacks). */
  get isNoSuchOperation(): boolean {
    return isNoSuchOperation(this.httpStatus, this)
  }
}

interface ActivePortal {
  portalUrl: string
  manager: ArcGISIdentityManager | null
}

let active: ActivePortal | null = null
const expiryListeners = new Set<() => void>()
const privilegeListeners = new Set<() => void>()
const tokenListeners = new Set<() => void>()

/** Called by the session layer once the config is loaded and whenever sign-in state changes. */
export function setActivePortal(portalUrl: string, manager: ArcGISIdentityManager | null): void {
  active = { portalUrl: portalUrl.replace(/\/+$/, ''), manager }
}

export function getActiveManager(): ArcGISIdentityManager | null {
  return active?.manager ?? null
}

/** Notified when a request proves the session is over, so the app can show the sign-in page. */
export function onSessionExpired(listener: () => void): () => void {
  expiryListeners.add(listener)
  return () => expiryListeners.delete(listener)
}

/**
 * Notified when the portal says the signed-in member lacks a privilege: their role may have changed since
 * the session was read, and the page should offer only what they may do now.
 */
export function onPrivilegeRefused(listener: () => void): () => void {
  privilegeListeners.add(listener)
  return () => privilegeListeners.delete(listener)
}

/** Notified after each signed-in request, so a refreshed token can be saved. */
export function onTokenUsed(listener: () => void): () => void {
  tokenListeners.add(listener)
  return () => tokenListeners.delete(listener)
}

export interface PortalRequestOptions {
  /** Defaults to POST, as in ArcGIS REST JS; reads pass 'GET'. */
  method?: 'GET' | 'POST'
  signal?: AbortSignal
}

/**
 * Calls `<portalUrl>/<path>` with `params` (+ f=json and the token). Arrays of
 * strings/numbers are sent comma-joined; `undefined`/`null` params are dropped.
 */
export async function portalRequest<T>(
  path: string,
  params: Record<string, unknown> = {},
  options: PortalRequestOptions = {},
): Promise<T> {
  if (!active) throw new PortalRequestError('The console is not configured yet.', 0, 'NOT_CONFIGURED')
  const url = `${active.portalUrl}/${path.replace(/^\/+/, '')}`
  const manager = active.manager
  // The first reads may already be on their way (src/app/early-data.ts): same URL, parameters and token.
  const early = options.method === 'GET' && manager ? takeEarlyResponse(url, params, manager.token) : undefined
  const earlyAnswer = early && (await early)
  if (earlyAnswer !== undefined) {
    for (const listener of tokenListeners) listener()
    return earlyAnswer as T
  }
  try {
    const result = (await request(url, {
      params: { f: 'json', ...params },
      httpMethod: options.method ?? 'POST',
      signal: options.signal,
      authentication: manager ?? undefined,
    })) as T
    if (manager) for (const listener of tokenListeners) listener()
    return result
  } catch (error) {
    // Aborts (a newer search replaced this one) are not failures: let react-query see them as such.
    if (error instanceof Error && error.name === 'AbortError') throw error
    const mapped = toPortalError(error)
    if (mapped.isAuthError && manager) for (const listener of expiryListeners) listener()
    if (mapped.isMissingPrivilege && manager) for (const listener of privilegeListeners) listener()
    throw mapped
  }
}

/** Maps whatever REST JS or fetch threw to one typed error. */
export function toPortalError(error: unknown): PortalRequestError {
  if (error instanceof PortalRequestError) return error
  if (error instanceof ArcGISTokenRequestError) {
    return new PortalRequestError('Your session has ended. Please sign in again.', 498, error.code)
  }
  if (error instanceof ArcGISRequestError) {
    const envelope = error.response?.error as
      | { code?: number; messageCode?: string; message?: string; details?: unknown[] }
      | undefined
    // An HTTP error status comes as "HTTP 404" or "HTTP 404 Not Found" (ArcGIS's own errors are HTTP 200).
    const httpStatus = Number(/^HTTP (\d{3})\b/.exec(String(error.code))?.[1]) || undefined
    const code = Number(envelope?.code ?? httpStatus ?? error.code)
    return new PortalRequestError(
      envelope?.message || error.originalMessage || error.message,
      Number.isFinite(code) ? code : 500,
      envelope?.messageCode ?? (typeof error.code === 'string' ? error.code : ''),
      Array.isArray(envelope?.details) ? envelope.details : [],
      httpStatus,
    )
  }
  const message = error instanceof Error ? error.message : String(error)
  return new PortalRequestError(`Could not reach the portal (${message}).`, 0, 'NETWORK_ERROR')
}
