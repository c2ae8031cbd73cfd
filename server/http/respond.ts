import type { Context } from 'hono'
import type { AppEnv } from './context.ts'

/** A JSON answer; `f=pjson` asks for it pretty-printed. */
export function respond(c: Context<AppEnv>, body: unknown) {
  if (c.get('params').f === 'pjson') {
    return c.body(JSON.stringify(body, null, 2), 200, { 'content-type': 'application/json; charset=utf-8' })
  }
  return c.json(body)
}
