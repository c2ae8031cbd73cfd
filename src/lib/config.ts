import { z } from 'zod/mini'

/** Runtime settings, read from `<base>config.json` so one build runs against any portal. */
export interface ConsoleConfig {
  /** e.g. https://host/sharing/rest (no trailing slash) */
  portalUrl: string
  clientId: string
}

const configSchema = z.object({
  portalUrl: z.optional(z.url()),
  clientId: z.optional(z.string().check(z.minLength(1))),
})

/** The app's base path (always ends in '/'), as `vite build --base` set it. */
export function basePath(): string {
  const base = import.meta.env.BASE_URL || '/'
  return base.endsWith('/') ? base : `${base}/`
}

/** Absolute URL of a path inside the app, e.g. appUrl('oauth-callback'). */
export function appUrl(path: string): string {
  return new URL(basePath() + path, window.location.origin).toString()
}

/** Defaults: the server that serves the console is the portal. */
export function defaultConfig(): ConsoleConfig {
  return { portalUrl: `${window.location.origin}/sharing/rest`, clientId: 'members-console' }
}

export async function loadConfig(fetchImpl: typeof fetch = fetch): Promise<ConsoleConfig> {
  const fallback = defaultConfig()
  let raw: unknown = {}
  try {
    const response = await fetchImpl(`${basePath()}config.json`, { cache: 'no-store' })
    if (response.ok) raw = await response.json()
  } catch {
    // No config.json: the defaults describe the usual deployment.
  }
  const parsed = configSchema.safeParse(raw)
  const values = parsed.success ? parsed.data : {}
  return {
    portalUrl: (values.portalUrl ?? fallback.portalUrl).replace(/\/+$/, ''),
    clientId: values.clientId ?? fallback.clientId,
  }
}
