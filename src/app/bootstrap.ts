import type { ArcGISIdentityManager } from '@esri/arcgis-rest-request'
import { completeSignIn, isOAuthCallback, restoreSession } from '../lib/auth.ts'
import { basePath, type ConsoleConfig, loadConfig } from '../lib/config.ts'
import { takeEarlyConfig } from '../lib/early-requests.ts'
import { setActivePortal } from '../lib/portal-client.ts'

export interface Boot {
  config: ConsoleConfig
  manager: ArcGISIdentityManager | null
  /** Why signing in failed on the way back from the portal (e.g. the user denied access). */
  signInError?: string
}

let boot: Promise<Boot> | undefined

/** Runs once per page load (StrictMode runs effects twice; an OAuth code can be used only once). */
export function bootstrap(): Promise<Boot> {
  boot ??= start()
  return boot
}

async function start(): Promise<Boot> {
  const config = await (takeEarlyConfig() ?? loadConfig())
  setActivePortal(config.portalUrl, null)
  let manager: ArcGISIdentityManager | null = null
  let signInError: string | undefined
  if (isOAuthCallback()) {
    try {
      manager = await completeSignIn(config)
    } catch (error) {
      signInError = error instanceof Error ? error.message : String(error)
      // Leave the callback URL (its code is spent) for the start page.
      window.history.replaceState(null, '', basePath())
    }
  } else {
    manager = restoreSession(config)
  }
  setActivePortal(config.portalUrl, manager)
  return { config, manager, signInError }
}
