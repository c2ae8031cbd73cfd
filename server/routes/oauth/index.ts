import type { Hono } from 'hono'
import type { AppEnv } from '../../http/context.ts'

export function registerAuthRoutes(_api: Hono<AppEnv>) {}
