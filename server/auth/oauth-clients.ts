import type { Queryable } from '../db/connection.ts'

export interface OAuthClient {
  clientId: string
  orgId: string
  name: string
  orgName: string
  redirectUris: string[]
}

export async function findClient(db: Queryable, clientId: string): Promise<OAuthClient | undefined> {
  const [row] = await db.query<{ client_id: string; org_id: string; name: string; org_name: string; redirect_uris: string[] }>(
    `select c.client_id, c.org_id, c.name, o.name as org_name, c.redirect_uris
       from oauth_clients c join orgs o on o.id = c.org_id
      where c.client_id = $1`,
    [clientId],
  )
  if (!row) return undefined
  return { clientId: row.client_id, orgId: row.org_id, name: row.name, orgName: row.org_name, redirectUris: row.redirect_uris }
}

/** Exact string match only: no prefix, no normalisation (RFC 6749 §3.1.2, OAuth security BCP). */
export const isRegisteredRedirect = (client: OAuthClient, redirectUri: string) => client.redirectUris.includes(redirectUri)
