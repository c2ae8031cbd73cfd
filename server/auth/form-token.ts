import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Queryable } from '../db/connection.ts'

/** How long a rendered sign-in form may be submitted. */
export const FORM_TOKEN_TTL_MS = 60 * 60_000

// The server keeps no session between requests, so the key lives in the
// database (shared by every server process); cached per database handle.
const keys = new WeakMap<object, Promise<Buffer>>()

function formKey(db: Queryable): Promise<Buffer> {
  let key = keys.get(db)
  if (!key) {
    key = loadOrCreateKey(db)
    key.catch(() => keys.delete(db))
    keys.set(db, key)
  }
  return key
}

async function loadOrCreateKey(db: Queryable): Promise<Buffer> {
  // Two processes starting together: the first insert wins, both read it back.
  await db.query('insert into server_secrets (name, secret, created) values ($1, $2, $3) on conflict (name) do nothing', [
    'sign-in-form',
    randomBytes(32).toString('base64'),
    Date.now(),
  ])
  const [row] = await db.query<{ secret: string }>('select secret from server_secrets where name = $1', ['sign-in-form'])
  return Buffer.from(row.secret, 'base64')
}

function mac(key: Buffer, issued: number, fields: readonly string[]): string {
  // JSON keeps field boundaries unambiguous ("a","bc" ≠ "ab","c").
  return createHmac('sha256', key).update(JSON.stringify([issued, ...fields])).digest('base64url')
}

/**
 * A token for the sign-in form, bound by HMAC to the authorization request's
 * parameters and to when it was issued: "<issued ms>.<mac>".
 */
export async function signFormToken(db: Queryable, fields: readonly string[], now = Date.now()): Promise<string> {
  return `${now}.${mac(await formKey(db), now, fields)}`
}

/** True when the token was issued by this server for exactly these fields, within its lifetime. */
export async function verifyFormToken(db: Queryable, token: string, fields: readonly string[], now = Date.now()): Promise<boolean> {
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(token)
  if (!match) return false
  const issued = Number(match[1])
  // A little clock slack between server processes.
  if (issued > now + 60_000 || now - issued > FORM_TOKEN_TTL_MS) return false
  const expected = Buffer.from(mac(await formKey(db), issued, fields))
  const actual = Buffer.from(match[2])
  return expected.length === actual.length && timingSafeEqual(expected, actual)
}
