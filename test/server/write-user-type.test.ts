import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { VIEWER_ROLE_ID } from '../../server/domain/privileges.ts'
import { startTestServer, type TestServer } from './harness.ts'
import { addMember, memberState, post } from './write-helpers.ts'

let server: TestServer
let admin: string
let manager: string
beforeAll(async () => {
  server = await startTestServer()
  admin = await server.tokenFor('admin')
  manager = await server.tokenFor('manager')
})
afterAll(() => server?.close())

const updateType = (users: string, userLicenseType: string, extra: Record<string, string> = {}, token = admin) =>
  post(server, 'portals/self/updateUserLicenseType', { users, userLicenseType, ...extra }, token)

describe('updateUserLicenseType', () => {
  test('raises several members, answering per member', async () => {
    await addMember(server, { username: 't.one' })
    await addMember(server, { username: 't.two' })
    const answer = await updateType('t.one,T.Two', 'GISProfessionalStdUT')
    expect(answer).toEqual({ results: [{ username: 't.one', status: 'success' }, { username: 'T.Two', status: 'success' }] })
    expect((await memberState(server.db, 't.two')).user_type_id).toBe('GISProfessionalStdUT')
  })

  test('accepts a JSON array and a type id in any case', async () => {
    await addMember(server, { username: 't.json' })
    const answer = await updateType('["t.json"]', 'gisprofessionalbasicut')
    expect(answer.results[0].status).toBe('success')
    expect((await memberState(server.db, 't.json')).user_type_id).toBe('GISProfessionalBasicUT')
  })

  test('one member failing neither blocks nor undoes another', async () => {
    await addMember(server, { username: 't.ok1' })
    await addMember(server, { username: 't.ok2', role: 'org_publisher' })
    const answer = await updateType('t.ok1,owner,nobody,t.ok2', 'viewerUT', { role: VIEWER_ROLE_ID })
    expect(answer.results.map((r: any) => [r.username, r.status, r.error?.messageCode])).toEqual([
      ['t.ok1', 'success', undefined],
      ['owner', 'failure', 'USER_OWNS_CONTENT'],
      ['nobody', 'failure', 'COM_0019'],
      ['t.ok2', 'success', undefined],
    ])
    expect(answer.results[1].error).toMatchObject({ code: 400, details: ['3 items', '1 group'] })
    expect(await memberState(server.db, 't.ok2')).toMatchObject({ user_type_id: 'viewerUT', role: 'org_user', role_id: VIEWER_ROLE_ID })
    expect(await memberState(server.db, 'owner')).toMatchObject({ user_type_id: 'creatorUT', role: 'org_publisher' })
  })

  test('rule 4: lowering needs a role that fits; without one, nothing changes', async () => {
    await addMember(server, { username: 't.lower' })
    const answer = await updateType('t.lower', 'editorUT')
    expect(answer.results[0].error).toMatchObject({ code: 400, messageCode: 'USER_TYPE_ROLE_MISMATCH' })
    expect(answer.results[0].error.message).toMatch(/User.*Contributor/)
    expect(await memberState(server.db, 't.lower')).toMatchObject({ user_type_id: 'creatorUT', role: 'org_user' })
  })

  test('rule 4: a role sent with the change that does not fit is refused as a whole', async () => {
    await addMember(server, { username: 't.badrole' })
    const answer = await updateType('t.badrole', 'viewerUT', { role: 'org_publisher' })
    expect(answer.results[0].error.messageCode).toBe('ROLE_USER_TYPE_MISMATCH')
    expect(await memberState(server.db, 't.badrole')).toMatchObject({ user_type_id: 'creatorUT', role: 'org_user', role_id: null })
  })

  test('rule 5: a type with no free licenses cannot be assigned', async () => {
    await addMember(server, { username: 't.seat' })
    const answer = await updateType('t.seat', 'GISProfessionalAdvUT')
    expect(answer.results[0].error).toMatchObject({ code: 400, messageCode: 'USER_TYPE_NO_LICENSES', details: ['1 of 1 assigned'] })
    expect(answer.results[0].error.message).toContain('GIS Professional Advanced')
    expect((await memberState(server.db, 't.seat')).user_type_id).toBe('creatorUT')
  })

  test('rule 5: the type a member already has is a no-op success, even when it is full', async () => {
    expect(await updateType('pro', 'GISProfessionalAdvUT')).toEqual({ results: [{ username: 'pro', status: 'success' }] })
  })

  test('rule 1: Member Manager changes members but not administrators, and gives no administrative role', async () => {
    await addMember(server, { username: 't.mm' })
    const answer = await updateType('t.mm,admin2', 'GISProfessionalBasicUT', {}, manager)
    expect(answer.results.map((r: any) => r.error?.messageCode ?? r.status)).toEqual(['success', 'ORG_ADMIN_TARGET'])
    const promote = await updateType('t.mm', 'GISProfessionalStdUT', { role: 'org_admin' }, manager)
    expect(promote.results[0].error).toMatchObject({ code: 403, messageCode: 'ORG_ADMIN_ROLE' })
    expect(await memberState(server.db, 't.mm')).toMatchObject({ user_type_id: 'GISProfessionalBasicUT', role: 'org_user' })
  })

  test('rule 2: lowering yourself out of Administrator is refused', async () => {
    const answer = await updateType('admin', 'viewerUT', { role: VIEWER_ROLE_ID })
    expect(answer.results[0].error.messageCode).toBe('ORG_SELF_ACTION')
    expect(await memberState(server.db, 'admin')).toMatchObject({ user_type_id: 'creatorUT', role: 'org_admin' })
  })

  test('errors for the whole call: unknown type, unknown role, no users, over 100 users', async () => {
    expect((await updateType('user', 'platinumUT')).error).toMatchObject({ code: 400, messageCode: 'INVALID_USER_TYPE' })
    expect((await updateType('user', 'creatorUT', { role: 'nope' })).error.messageCode).toBe('INVALID_ROLE')
    expect((await updateType('', 'creatorUT')).error.messageCode).toBe('MISSING_PARAMETER')
    const many = Array.from({ length: 101 }, (_, i) => `m${i}`).join(',')
    const tooMany = await updateType(many, 'creatorUT')
    expect(tooMany.error).toMatchObject({ code: 400, messageCode: 'TOO_MANY_USERS' })
    expect(tooMany.error.message).toContain('100')
  })

  test('an unknown type or role is recorded as refused for each member named; without the privilege it is a 403 first', async () => {
    // This test's own attempts: a type and a role no other test sends.
    const refusals = async (code: string) =>
      (
        await server.db.query<{ target: string; after: { userLicenseTypeId?: string; role?: string } }>(
          "select target, after from audit_log where operation = 'updateUserLicenseType' and outcome = 'failure' and message_code = $1 order by target",
          [code],
        )
      ).filter((r) => r.after.userLicenseTypeId === 'goldUT' || r.after.role === 'no-such-role')
    await updateType('user,publisher', 'goldUT')
    expect((await refusals('INVALID_USER_TYPE')).map((r) => [r.target, r.after])).toEqual([
      ['publisher', { userLicenseTypeId: 'goldUT' }],
      ['user', { userLicenseTypeId: 'goldUT' }],
    ])
    await updateType('user', 'creatorUT', { role: 'no-such-role' })
    expect((await refusals('INVALID_ROLE')).map((r) => [r.target, r.after])).toEqual([['user', { userLicenseTypeId: 'creatorUT', role: 'no-such-role' }]])
    const publisher = await server.tokenFor('publisher')
    expect((await updateType('owner', 'goldUT', {}, publisher)).error).toMatchObject({ code: 403, messageCode: 'GWM_0003' })
    expect(await refusals('INVALID_USER_TYPE')).toHaveLength(2)
  })

  test('a publisher is refused for the whole call', async () => {
    const publisher = await server.tokenFor('publisher')
    expect((await updateType('user', 'GISProfessionalBasicUT', {}, publisher)).error).toMatchObject({ code: 403, messageCode: 'GWM_0003' })
    expect((await memberState(server.db, 'user')).user_type_id).toBe('creatorUT')
    // The refused attempt is audited, per member named.
    const rows = await server.db.query<{ outcome: string; message_code: string }>(
      "select outcome, message_code from audit_log where actor = 'publisher' and target = 'user' and operation = 'updateUserLicenseType'",
    )
    expect(rows).toEqual([{ outcome: 'failure', message_code: 'GWM_0003' }])
  })
})
