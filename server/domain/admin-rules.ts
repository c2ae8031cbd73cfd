import type { Caller } from '../auth/caller.ts'
import type { Queryable } from '../db/connection.ts'
import { PortalError } from '../http/errors.ts'

/** The part of a member the administrator rules look at. */
export interface TargetMember {
  id: string
  username: string
  role: string
  role_id: string | null
  disabled: boolean
}

export type AdminAction = 'delete' | 'disable' | 'enable' | 'reset' | 'changeRole' | 'changeUserType' | 'update'

export const isFullAdministrator = (m: { role: string; role_id: string | null }) => m.role === 'org_admin' && m.role_id === null

/** Any administrator, full or custom: what rule 1 protects. */
export const isAdministrator = (m: { role: string }) => m.role === 'org_admin'

const ACTION_WORDS: Record<AdminAction, string> = {
  delete: 'delete',
  disable: 'disable',
  enable: 'enable',
  reset: 'reset the password of',
  changeRole: 'change the role of',
  changeUserType: 'change the user type of',
  update: 'edit',
}

/**
 * Rules 1 and 2 (portal-api.md §7) that need no other rows:
 * only a full administrator acts on an administrator; nobody disables,
 * deletes or demotes themselves. Pure: throws a PortalError or returns.
 */
export function checkActOnMember(actor: Caller, target: TargetMember, action: AdminAction): void {
  const self = actor.userId === target.id
  if (self && (action === 'delete' || action === 'disable' || action === 'changeRole'))
    throw new PortalError(400, 'ORG_SELF_ACTION', `You cannot ${ACTION_WORDS[action]} yourself. Ask another administrator.`)
  if (!self && isAdministrator(target) && !actor.isFullAdmin && action !== 'enable')
    throw new PortalError(
      403,
      'ORG_ADMIN_TARGET',
      `Only a full administrator can ${ACTION_WORDS[action]} an administrator (${target.username}).`,
    )
}

/**
 * Takes the organization's lock for rules that span rows (last administrator),
 * so concurrent requests that could each remove an administrator run one at a time.
 * Call first thing inside the transaction.
 */
export async function lockOrganization(tx: Queryable, orgId: string): Promise<void> {
  // NO KEY UPDATE conflicts with itself, so these requests still queue, but not
  // with the KEY SHARE locks that inserts referencing the org (members, groups,
  // roles) take: creating those never waits behind a role change.
  await tx.query('select id from orgs where id = $1 for no key update', [orgId])
}

/**
 * Rule 2: the organization keeps at least one enabled full administrator.
 * Call inside a transaction after lockOrganization, before removing `target`
 * from that set (demote, disable, delete).
 */
export async function assertKeepsAnAdministrator(tx: Queryable, orgId: string, target: TargetMember): Promise<void> {
  if (!isFullAdministrator(target) || target.disabled) return
  const [row] = await tx.query<{ others: number }>(
    `select count(*)::int as others from users
      where org_id = $1 and role = 'org_admin' and role_id is null and not disabled and id <> $2`,
    [orgId, target.id],
  )
  if ((row?.others ?? 0) < 1)
    throw new PortalError(
      400,
      'ORG_LAST_ADMIN',
      `${target.username} is the organization's last enabled full administrator. Make another member an administrator first.`,
    )
}
