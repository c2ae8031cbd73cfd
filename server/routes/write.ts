import type { Hono } from 'hono'
import type { AppEnv } from '../http/context.ts'

export function registerWriteRoutes(_api: Hono<AppEnv>) {}
