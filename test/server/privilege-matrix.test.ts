import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { ADMIN_PRIVILEGES, VIEWER_PRIVILEGES } from '../../server/domain/privileges.ts'
import { createRole } from '../../server/seed/org.ts'
import { startTestServer, type TestServer } from './harness.ts'
import { addMember, memberState, type MemberState, post, revokedTokenFor } from './write-helpers.ts'

/**
 * Each member-administration operation × each kind of caller, asserted cell
 * by cell: the answer, and that the member changed exactly when it succeeded.
 * Every cell acts on its own member, so cells do not depend on each other.
 */

type Actor = 'admin' | 'manager' | 'helpdesk' | 'publisher' | 'user' | 'anonymous' | 'revoked'
type Expected = 'ok' | 403 | 498 | 499

interface Operation {
  name: string
  /** How the member starts out. */
  setup?: { disabled?: boolean }
  call(server: TestServer, target: string, token?: string): Promise<any>
  /** Whether the member shows the change. */
  changed?(row: MemberState): boolean
}

const OPERATIONS: Operation[] = [
  {
    name: 'updateUserRole',
    call: (s, u, t) => post(s, 'portals/self/updateUserRole', { user: u, role: 'org_publisher' }, t),
    changed: (r) => r.role === 'org_publisher',
  },
  {
    name: 'updateUserLicenseType',
    call: (s, u, t) => post(s, 'portals/self/updateUserLicenseType', { users: u, userLicenseType: 'GISProfessionalBasicUT' }, t),
    changed: (r) => r.user_type_id === 'GISProfessionalBasicUT',
  },
  { name: 'disable', call: (s, u, t) => post(s, `community/users/${u}/disable`, {}, t), changed: (r) => r.disabled },
  { name: 'enable', setup: { disabled: true }, call: (s, u, t) => post(s, `community/users/${u}/enable`, {}, t), changed: (r) => !r.disabled },
  { name: 'disableUsers', call: (s, u, t) => post(s, 'portals/self/disableUsers', { users: u }, t), changed: (r) => r.disabled },
  {
    name: 'enableUsers',
    setup: { disabled: true },
    call: (s, u, t) => post(s, 'portals/self/enableUsers', { users: u }, t),
    changed: (r) => !r.disabled,
  },
  { name: 'reset', call: (s, u, t) => post(s, `community/users/${u}/reset`, {}, t), changed: (r) => r.must_change_password },
  {
    name: 'update',
    call: (s, u, t) => post(s, `community/users/${u}/update`, { lastName: 'Changed' }, t),
    changed: (r) => r.last_name === 'Changed',
  },
  { name: 'auditLog', call: (s, _u, t) => s.call('portals/self/auditLog', {}, { token: t }) },
]

const ACTORS: Actor[] = ['admin', 'manager', 'helpdesk', 'publisher', 'user', 'anonymous', 'revoked']

// Rows: operations; columns: ACTORS. Help Desk is a custom administrative role
// holding only viewUsers and updateUsers.
const MATRIX: Record<string, Expected[]> = {
  updateUserRole: ['ok', 'ok', 403, 403, 403, 499, 498],
  updateUserLicenseType: ['ok', 'ok', 403, 403, 403, 499, 498],
  disable: ['ok', 'ok', 403, 403, 403, 499, 498],
  enable: ['ok', 'ok', 403, 403, 403, 499, 498],
  disableUsers: ['ok', 'ok', 403, 403, 403, 499, 498],
  enableUsers: ['ok', 'ok', 403, 403, 403, 499, 498],
  reset: ['ok', 'ok', 'ok', 403, 403, 499, 498],
  update: ['ok', 'ok', 'ok', 403, 403, 499, 498],
  auditLog: ['ok', 403, 403, 403, 403, 499, 498],
}

/** 'ok', or the error code of the call (a bulk call: of its one member). */
function outcomeOf(answer: any): Expected | number {
  if (answer.error) return answer.error.code
  if (answer.results) return answer.results[0].status === 'success' ? 'ok' : answer.results[0].error.code
  return 'ok'
}

let server: TestServer
const tokens: Partial<Record<Actor, string>> = {}
beforeAll(async () => {
  server = await startTestServer()
  const helpdeskRole = await createRole(server.db, server.org.orgId, {
    name: 'Help Desk',
    privileges: [...VIEWER_PRIVILEGES, 'portal:admin:viewUsers', 'portal:admin:updateUsers'],
    baseRole: 'org_admin',
  })
  await addMember(server, { username: 'helpdesk', role: 'org_admin', roleId: helpdeskRole })
  for (const actor of ['admin', 'manager', 'helpdesk', 'publisher', 'user'] as const) tokens[actor] = await server.tokenFor(actor)
  tokens.revoked = await revokedTokenFor(server, 'admin')
  for (const op of OPERATIONS)
    for (const actor of ACTORS) await addMember(server, { username: `x.${op.name}.${actor}`, disabled: op.setup?.disabled })
  for (const op of OPERATIONS) await addMember(server, { username: `x.${op.name}.adm`, role: 'org_admin', disabled: op.setup?.disabled })
})
afterAll(() => server?.close())

const cells = OPERATIONS.flatMap((op) => ACTORS.map((actor, i) => [op.name, actor, MATRIX[op.name]![i]!] as const))

describe('privilege matrix', () => {
  test.each(cells)('%s by %s → %s', async (name, actor, expected) => {
    const op = OPERATIONS.find((o) => o.name === name)!
    const target = `x.${name}.${actor}`
    const answer = await op.call(server, target, tokens[actor])
    expect(outcomeOf(answer)).toBe(expected)
    if (expected === 403) expect(answer.error?.messageCode ?? answer.results?.[0].error.messageCode).toBe('GWM_0003')
    if (op.changed) expect(op.changed(await memberState(server.db, target))).toBe(expected === 'ok')
  })

  test('every privilege of the Member Manager is an admin privilege but deleteUsers (fixture sanity)', async () => {
    const [role] = await server.db.query<{ privileges: string[] }>('select privileges from roles where id = $1', [server.org.memberManagerRoleId])
    expect(new Set(role?.privileges)).toEqual(new Set(ADMIN_PRIVILEGES.filter((p) => p !== 'portal:admin:deleteUsers')))
  })
})

// Rule 1: a custom administrator acts on members, never on administrators (enabling excepted).
const ON_ADMINS: Record<string, 'ok' | 'ORG_ADMIN_TARGET'> = {
  updateUserRole: 'ORG_ADMIN_TARGET',
  updateUserLicenseType: 'ORG_ADMIN_TARGET',
  disable: 'ORG_ADMIN_TARGET',
  enable: 'ok',
  disableUsers: 'ORG_ADMIN_TARGET',
  enableUsers: 'ok',
  reset: 'ORG_ADMIN_TARGET',
  update: 'ORG_ADMIN_TARGET',
}

describe('Member Manager acting on a full administrator', () => {
  test.each(Object.entries(ON_ADMINS))('%s → %s', async (name, expected) => {
    const op = OPERATIONS.find((o) => o.name === name)!
    const target = `x.${name}.adm`
    const answer = await op.call(server, target, tokens.manager)
    const error = answer.error ?? answer.results?.[0].error
    expect(error?.messageCode ?? 'ok').toBe(expected)
    if (error) expect(error.code).toBe(403)
    expect(op.changed!(await memberState(server.db, target))).toBe(expected === 'ok')
  })
})
