import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { findCaller } from '../../server/auth/caller.ts'
import { findUserForUpdate } from '../../server/db/users.ts'
import { applyUserTypeChange } from '../../server/domain/change-user-type.ts'
import { loadUserTypes, pickUserType } from '../../server/domain/user-types.ts'
import { PortalError } from '../../server/http/errors.ts'
import { startTestServer, type TestServer } from './harness.ts'
import { memberState, post } from './write-helpers.ts'

/**
 * Rule 5 under concurrent requests: GISProfessionalAdvUT has one seat (held
 * by `pro`). Once it is free, two requests at the same moment for it give it
 * to exactly one member.
 */
const ROUNDS = 4
const TYPE = 'GISProfessionalAdvUT'

let server: TestServer
beforeEach(async () => {
  server = await startTestServer()
})
afterEach(() => server?.close())

async function holders(): Promise<string[]> {
  const rows = await server.db.query<{ username: string }>('select username from users where user_type_id = $1 order by username', [TYPE])
  return rows.map((r) => r.username)
}

async function freeTheSeat() {
  await server.db.query("update users set user_type_id = 'creatorUT' where user_type_id = $1", [TYPE])
}

describe('the last free license of a type', () => {
  test('two administrators assigning it at once (HTTP): one gets it, the other is told none are left', async () => {
    const admin = await server.tokenFor('admin')
    const manager = await server.tokenFor('manager')
    for (let round = 0; round < ROUNDS; round++) {
      await freeTheSeat()
      const answers = await Promise.all([
        post(server, 'portals/self/updateUserLicenseType', { users: 'user', userLicenseType: TYPE }, admin),
        post(server, 'portals/self/updateUserLicenseType', { users: 'publisher', userLicenseType: TYPE }, manager),
      ])
      const outcomes = answers.map((a) => a.results[0].error?.messageCode ?? a.results[0].status).sort()
      expect(outcomes).toEqual(['USER_TYPE_NO_LICENSES', 'success'])
      expect(await holders()).toHaveLength(1)
    }
  })

  test('one bulk call for two members: the first gets it', async () => {
    await freeTheSeat()
    const answer = await post(
      server,
      'portals/self/updateUserLicenseType',
      { users: 'user,publisher', userLicenseType: TYPE },
      await server.tokenFor('admin'),
    )
    expect(answer.results.map((r: any) => r.error?.messageCode ?? r.status)).toEqual(['success', 'USER_TYPE_NO_LICENSES'])
    expect(await holders()).toEqual(['user'])
  })

  test('disabled members keep their license: disabling the holder frees nothing', async () => {
    await server.db.query("update users set disabled = true where username = 'pro'")
    const answer = await post(server, 'portals/self/updateUserLicenseType', { users: 'user', userLicenseType: TYPE }, await server.tokenFor('admin'))
    expect(answer.results[0].error.messageCode).toBe('USER_TYPE_NO_LICENSES')
    expect((await memberState(server.db, 'user')).user_type_id).toBe('creatorUT')
  })

  test('the seat row lock alone serializes them (no organization lock taken)', async () => {
    const admin = (await findCaller(server.db, await server.tokenFor('admin')))!
    const types = await loadUserTypes(server.db, server.org.orgId)
    const type = pickUserType(types, TYPE)
    const assign = (username: string) =>
      server.db
        .transaction(async (tx) => {
          const target = (await findUserForUpdate(tx, server.org.orgId, username))!
          await applyUserTypeChange(tx, admin, target, { type, types })
          return 'ok'
        })
        .catch((error) => (error instanceof PortalError ? error.messageCode : Promise.reject(error)))
    for (let round = 0; round < ROUNDS; round++) {
      await freeTheSeat()
      expect((await Promise.all([assign('user'), assign('publisher')])).sort()).toEqual(['USER_TYPE_NO_LICENSES', 'ok'])
      expect(await holders()).toHaveLength(1)
    }
  })
})
