import type { Db } from '../db/connection.ts'
import type { Params } from './params.ts'

export interface ServerConfig {
  /** Longest token life a client may ask for, in minutes. */
  maxTokenMinutes: number
  /** Folder of the built console, served at / (absent in API-only tests). */
  consoleDir?: string
  /** CSP frame-ancestors for the console, e.g. "'self' https://portal.example.com". */
  frameAncestors: string
  /** Trust X-Forwarded-For for the sign-in rate limit (behind a proxy only). */
  trustProxy: boolean
}

export const defaultConfig: ServerConfig = {
  maxTokenMinutes: 2 * 7 * 24 * 60,
  frameAncestors: "'self'",
  trustProxy: false,
}

export interface AppEnv {
  Variables: {
    db: Db
    config: ServerConfig
    params: Params
  }
}
