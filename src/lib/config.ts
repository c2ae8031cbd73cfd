import { z } from 'zod/mini'
import { basePath } from './base-path.ts'

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
