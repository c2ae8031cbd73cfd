import type { Hono } from 'hono'
import type { AppEnv } from '../http/context.ts'

export function registerReadRoutes(_api: Hono<AppEnv>) {}
