import type { Hono } from 'hono'
import type { AppEnv } from '../http/context.ts'
import { registerAuthRoutes } from './oauth/index.ts'
import { registerReadRoutes } from './read.ts'
import { registerContentWriteRoutes } from './write-content.ts'
import { registerWriteRoutes } from './write.ts'

/** Every /sharing/rest route. Paths are lower-case: app.ts folds request paths. */
export function registerRoutes(api: Hono<AppEnv>) {
  registerAuthRoutes(api)
  registerReadRoutes(api)
  registerWriteRoutes(api)
  registerContentWriteRoutes(api)
}
