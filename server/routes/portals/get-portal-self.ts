import type { Context, Hono } from 'hono'
import { optionalCaller } from '../../auth/caller.ts'
import { findUser } from '../../db/users.ts'
import { PortalError } from '../../http/errors.ts'
import type { AppEnv } from '../../http/context.ts'
import { respond } from '../../http/respond.ts'
import { fullMember } from '../../search/member-view.ts'

interface OrgRow {
  id: string
  url_key: string
  name: string
  description: string
  max_users: number
  created: number
  modified: number
}

const ORG_COLUMNS = 'id, url_key, name, description, max_users, created, modified'

/**
 * GET portals/self and portals/<orgId> (portal-api.md §3). Anonymous callers
 * get the organization without `user`, as ArcGIS answers before sign-in; with
 * no token, `self` is this server's first organization (it usually hosts one).
 */
export function registerGetPortalSelf(api: Hono<AppEnv>) {
  api.on(['GET', 'POST'], '/portals/:portalId', async (c) => {
    const caller = await optionalCaller(c)
    const db = c.get('db')
    const portalId = c.req.param('portalId')
    const [org] =
      portalId === 'self' && caller
        ? await db.query<OrgRow>(`select ${ORG_COLUMNS} from orgs where id = $1`, [caller.orgId])
        : portalId === 'self'
          ? await db.query<OrgRow>(`select ${ORG_COLUMNS} from orgs order by created, id limit 1`)
          : await db.query<OrgRow>(`select ${ORG_COLUMNS} from orgs where lower(id) = $1`, [portalId])
    if (!org) throw new PortalError(400, 'PORTAL_NOT_FOUND', 'Portal does not exist or is inaccessible.')
    const body: Record<string, unknown> = portalBody(c, org)
    if (caller && caller.orgId === org.id) {
      const row = await findUser(db, caller.orgId, caller.username)
      if (row) body.user = await fullMember(db, row)
    }
    return respond(c, body)
  })
}

function portalBody(c: Context<AppEnv>, org: OrgRow) {
  return {
    id: org.id,
    name: org.name,
    description: org.description,
    urlKey: org.url_key,
    isPortal: false,
    portalMode: 'multitenant',
    portalName: 'ArcGIS',
    currentVersion: '2025.1',
    supportsOAuth: true,
    allSSL: false,
    access: 'private',
    maxTokenExpirationMinutes: c.get('config').maxTokenMinutes,
    created: org.created,
    modified: org.modified,
    subscriptionInfo: { id: org.id, type: 'In House', state: 'active', companyName: org.name, maxUsers: org.max_users },
  }
}
