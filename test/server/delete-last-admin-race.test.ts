import { afterAll, beforeAll, expect, test } from 'vitest'
import { startTestServer, type TestServer } from './harness.ts'
import { addMember } from './reassign-helpers.ts'

// Its own server: the rounds below leave the organization with one full administrator.
let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server?.close())

const enabledFullAdmins = async () =>
  (
    await server.db.query<{ username: string }>(
      "select username from users where org_id = $1 and role = 'org_admin' and role_id is null and not disabled order by username",
      [server.org.orgId],
    )
  ).map((r) => r.username)

test('two full administrators deleting each other at the same moment leave exactly one', async () => {
  // Round 0: the fixture's admin and admin2. Each next round pairs the survivor with a new administrator.
  let pair = ['admin', 'admin2']
  for (let round = 0; round < 5; round++) {
    expect(await enabledFullAdmins()).toEqual([...pair].sort())
    const [x, y] = pair as [string, string]
    const [tokenX, tokenY] = [await server.tokenFor(x), await server.tokenFor(y)]
    const [xDeletesY, yDeletesX] = await Promise.all([
      server.call(`community/users/${y}/delete`, {}, { method: 'POST', token: tokenX }),
      server.call(`community/users/${x}/delete`, {}, { method: 'POST', token: tokenY }),
    ])
    const wins = [xDeletesY, yDeletesX].filter((body) => body.success)
    expect(wins, JSON.stringify([xDeletesY, yDeletesX])).toHaveLength(1)
    // The loser's request was refused by rule 2, or (when it was authorized after the
    // winner committed) its caller no longer existed.
    const loser = xDeletesY.success ? yDeletesX : xDeletesY
    expect(['ORG_LAST_ADMIN', 'GWM_0001']).toContain(loser.error.messageCode)
    const survivors = await enabledFullAdmins()
    expect(survivors).toHaveLength(1)
    const next = `admin-r${round}`
    await addMember(server, next, { role: 'org_admin' })
    pair = [survivors[0]!, next]
  }
})
