import type { Context } from 'hono'
import type { Queryable } from '../db/connection.ts'
import { DEFAULT_ROLES, isDefaultRole } from '../domain/privileges.ts'
import { invalidToken, notPermitted, PortalError, tokenRequired } from '../http/errors.ts'
import type { AppEnv } from '../http/context.ts'
import { hashToken } from './tokens.ts'

/** The signed-in member making a request. */
export interface Caller {
  userId: string
  username: string
  orgId: string
  role: string
  roleId: string | null
  userTypeId: string
  privileges: ReadonlySet<string>
  /** role org_admin with no custom role: the only one who may act on administrators. */
  isFullAdmin: boolean
  /** The token may only change the member's own password. */
  restricted: boolean
}

/** The token of a request: `token` parameter, X-Esri-Authorization or Authorization bearer header. */
export function tokenOf(c: Context<AppEnv>): string | undefined {
  const fromParams = c.get('params').token
  if (fromParams) return fromParams
  for (const header of ['x-esri-authorization', 'authorization']) {
    const value = c.req.header(header)
    const match = value?.match(/^Bearer\s+(\S+)$/i)
    if (match) return match[1]
  }
  return undefined
}

interface CallerRow {
  user_id: string
  username: string
  org_id: string
  role: string
  role_id: string | null
  user_type_id: string
  disabled: boolean
  restricted: boolean
  custom_privileges: string[] | null
}

/**
 * Looks the token up by its hash: the comparison happens inside a unique index
 * on a SHA-256 digest, so its timing tells nothing about the token itself.
 */
export async function findCaller(db: Queryable, token: string): Promise<Caller | undefined> {
  const [row] = await db.query<CallerRow>(
    `select u.id as user_id, u.username, u.org_id, u.role, u.role_id, u.user_type_id, u.disabled,
            t.restricted, r.privileges as custom_privileges
       from tokens t
       join users u on u.id = t.user_id
       left join roles r on r.id = u.role_id
      where t.token_hash = $1 and t.kind = 'access' and t.expires > $2
        and t.credential_version = u.credential_version`,
    [hashToken(token), Date.now()],
  )
  if (!row || row.disabled) return undefined
  const privileges = row.custom_privileges ?? (isDefaultRole(row.role) ? DEFAULT_ROLES[row.role].privileges : [])
  return {
    userId: row.user_id,
    username: row.username,
    orgId: row.org_id,
    role: row.role,
    roleId: row.role_id,
    userTypeId: row.user_type_id,
    privileges: new Set(privileges),
    isFullAdmin: row.role === 'org_admin' && row.role_id === null,
    restricted: row.restricted,
  }
}

/**
 * The caller, or a 499 (no token) / 498 (unknown, expired or revoked token).
 * A member who must change their password gets 403 USER_MUST_CHANGE_PASSWORD
 * everywhere except the call that changes it (allowRestricted).
 */
export async function requireCaller(c: Context<AppEnv>, options: { allowRestricted?: boolean } = {}): Promise<Caller> {
  const token = tokenOf(c)
  if (!token) throw tokenRequired()
  const known = knownCallerOf(c)
  const caller = known?.token === token ? known.caller : await findCaller(c.get('db'), token)
  if (!caller) throw invalidToken()
  if (caller.restricted && !options.allowRestricted)
    throw new PortalError(403, 'USER_MUST_CHANGE_PASSWORD', 'You must change your password before you can continue.')
  return caller
}

/**
 * A caller already looked up, for this token, by the request that makes an
 * in-process request of this API (the first screen's five reads,
 * routes/console/first-screen.ts): each read would look the same token up
 * again, ~1–2 ms of the database's time apiece. It travels as that request's
 * `env`, which for a request from the network is the Node server's own
 * bindings: no client can set it.
 */
export interface KnownCaller {
  token: string
  caller: Caller
}

/** The `env` of an in-process request (Hono's `app.request(url, init, env)`) made on behalf of `known`. */
export function knownCallerEnv(known: KnownCaller): { knownCaller: KnownCaller } {
  return { knownCaller: known }
}

function knownCallerOf(c: Context<AppEnv>): KnownCaller | undefined {
  return (c.env as { knownCaller?: KnownCaller } | undefined)?.knownCaller
}

/** The caller when a token is given (a bad token is still an error), else undefined. */
export async function optionalCaller(c: Context<AppEnv>): Promise<Caller | undefined> {
  return tokenOf(c) ? requireCaller(c) : undefined
}

export function requirePrivilege(caller: Caller, privilege: string): void {
  if (!caller.privileges.has(privilege)) throw notPermitted()
}
