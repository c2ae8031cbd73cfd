import type { Hono } from 'hono'
import type { AppEnv } from '../http/context.ts'

export function registerContentWriteRoutes(_api: Hono<AppEnv>) {}
