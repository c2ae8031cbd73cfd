import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { type Caller, findCaller } from '../../server/auth/caller.ts'
import type { Db } from '../../server/db/connection.ts'
import { findUserForUpdate } from '../../server/db/users.ts'
import { lockOrganization } from '../../server/domain/admin-rules.ts'
import { applyRoleChange } from '../../server/domain/change-role.ts'
import { applyDisable } from '../../server/domain/member-status.ts'
import { resolveRole } from '../../server/domain/roles.ts'
import { PortalError } from '../../server/http/errors.ts'
import { startTestServer, type TestServer } from './harness.ts'
import { enabledFullAdmins, post } from './write-helpers.ts'

/**
 * Rule 2 under concurrent requests: two full administrators (admin, admin2)
 * acting on each other at the same moment leave exactly one enabled full
 * administrator. On PostgreSQL (TEST_DATABASE_URL) the requests really run
 * at once; several rounds give the interleavings a chance.
 */
const ROUNDS = 4

let server: TestServer
beforeEach(async () => {
  server = await startTestServer()
})
afterEach(() => server?.close())

async function restoreBothAdmins(db: Db) {
  await db.query("update users set role = 'org_admin', role_id = null, disabled = false where username in ('admin', 'admin2')")
}

const demote = (user: string, token: string) => post(server, 'portals/self/updateUserRole', { user, role: 'org_user' }, token)
const disable = (user: string, token: string) => post(server, `community/users/${user}/disable`, {}, token)

/** One success, one refusal, one full administrator left: the one who acted and won. */
async function expectOneWinner(answers: any[]) {
  const winners = answers.filter((a) => a.success)
  expect(winners).toHaveLength(1)
  const loser = answers.find((a) => !a.success)
  // The loser lost its privilege (403), its session (498), or met the rule itself (400 ORG_LAST_ADMIN).
  expect([403, 498, 400]).toContain(loser.error.code)
  const left = await enabledFullAdmins(server.db, server.org.orgId)
  expect(left).toHaveLength(1)
  expect(left[0]).not.toBe(winners[0].username)
}

describe('two administrators at the same moment (HTTP)', () => {
  test('demoting each other', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      await restoreBothAdmins(server.db)
      const [a, b] = [await server.tokenFor('admin'), await server.tokenFor('admin2')]
      await expectOneWinner(await Promise.all([demote('admin2', a), demote('admin', b)]))
    }
    const [audit] = await server.db.query<{ ok: number; refused: number }>(
      `select count(*) filter (where outcome = 'success')::int as ok, count(*) filter (where outcome = 'failure')::int as refused
         from audit_log where operation = 'updateUserRole'`,
    )
    expect(audit).toEqual({ ok: ROUNDS, refused: ROUNDS })
  })

  test('disabling each other', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      await restoreBothAdmins(server.db)
      const [a, b] = [await server.tokenFor('admin'), await server.tokenFor('admin2')]
      await expectOneWinner(await Promise.all([disable('admin2', a), disable('admin', b)]))
    }
    const [audit] = await server.db.query<{ ok: number }>(
      "select count(*)::int as ok from audit_log where operation = 'disable' and outcome = 'success'",
    )
    expect(audit?.ok).toBe(ROUNDS)
  })

  test('one disables while the other demotes', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      await restoreBothAdmins(server.db)
      const [a, b] = [await server.tokenFor('admin'), await server.tokenFor('admin2')]
      await expectOneWinner(await Promise.all([disable('admin2', a), demote('admin', b)]))
    }
  })
})

/**
 * The locked read itself: callers whose privileges were read before the race
 * (as a request that passed its checks would hold them) still cannot remove
 * the last enabled full administrator, because lockOrganization makes the
 * second transaction count after the first commits.
 */
describe('lockOrganization + assertKeepsAnAdministrator with callers read before the race', () => {
  async function callers(): Promise<[Caller, Caller]> {
    const a = await findCaller(server.db, await server.tokenFor('admin'))
    const b = await findCaller(server.db, await server.tokenFor('admin2'))
    return [a!, b!]
  }

  async function inLockedTransaction(change: (tx: Parameters<Parameters<Db['transaction']>[0]>[0]) => Promise<unknown>) {
    try {
      await server.db.transaction(async (tx) => {
        await lockOrganization(tx, server.org.orgId)
        await change(tx)
      })
      return 'ok'
    } catch (error) {
      if (error instanceof PortalError) return error.messageCode
      throw error
    }
  }

  const target = async (tx: Parameters<Parameters<Db['transaction']>[0]>[0], username: string) =>
    (await findUserForUpdate(tx, server.org.orgId, username))!

  test('disabling each other', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      await restoreBothAdmins(server.db)
      const [a, b] = await callers()
      const outcomes = await Promise.all([
        inLockedTransaction(async (tx) => applyDisable(tx, a, await target(tx, 'admin2'))),
        inLockedTransaction(async (tx) => applyDisable(tx, b, await target(tx, 'admin'))),
      ])
      expect(outcomes.sort()).toEqual(['ORG_LAST_ADMIN', 'ok'])
      expect(await enabledFullAdmins(server.db, server.org.orgId)).toHaveLength(1)
    }
  })

  test('demoting each other', async () => {
    const user = await resolveRole(server.db, server.org.orgId, 'org_user')
    for (let round = 0; round < ROUNDS; round++) {
      await restoreBothAdmins(server.db)
      const [a, b] = await callers()
      const outcomes = await Promise.all([
        inLockedTransaction(async (tx) => applyRoleChange(tx, a, await target(tx, 'admin2'), user)),
        inLockedTransaction(async (tx) => applyRoleChange(tx, b, await target(tx, 'admin'), user)),
      ])
      expect(outcomes.sort()).toEqual(['ORG_LAST_ADMIN', 'ok'])
      expect(await enabledFullAdmins(server.db, server.org.orgId)).toHaveLength(1)
    }
  })

  test('the last enabled full administrator, with another one disabled, cannot be removed', async () => {
    // admin2's privileges were read while still enabled, then admin2 was disabled.
    const [, staleAdmin2] = await callers()
    await server.db.query("update users set disabled = true where username = 'admin2'")
    const user = await resolveRole(server.db, server.org.orgId, 'org_user')
    expect(await inLockedTransaction(async (tx) => applyDisable(tx, staleAdmin2, await target(tx, 'admin')))).toBe('ORG_LAST_ADMIN')
    expect(await inLockedTransaction(async (tx) => applyRoleChange(tx, staleAdmin2, await target(tx, 'admin'), user))).toBe(
      'ORG_LAST_ADMIN',
    )
    expect(await enabledFullAdmins(server.db, server.org.orgId)).toEqual(['admin'])
  })
})
