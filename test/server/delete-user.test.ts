import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { findCaller } from '../../server/auth/caller.ts'
import { ADMIN_PRIVILEGES } from '../../server/domain/privileges.ts'
import { applyDelete } from '../../server/domain/delete-member.ts'
import { findUserForUpdate } from '../../server/db/users.ts'
import { createRole, insertFolder } from '../../server/seed/org.ts'
import { startTestServer, type TestServer } from './harness.ts'
import { addContent, addMember, addOtherOrgMember, expectError, lastAudit, memberExists, ownedBy } from './reassign-helpers.ts'

let server: TestServer
let adminToken: string
let deleterRoleId: string
beforeAll(async () => {
  server = await startTestServer()
  adminToken = await server.tokenFor('admin')
  // A custom administrative role holding every admin privilege, deleteUsers included: not a full administrator.
  deleterRoleId = await createRole(server.db, server.org.orgId, { name: 'Deleter', privileges: [...ADMIN_PRIVILEGES], baseRole: 'org_admin' })
})
afterAll(() => server?.close())

const del = (username: string, token?: string) => server.call(`community/users/${encodeURIComponent(username)}/delete`, {}, { method: 'POST', token })

describe('community/users/{u}/delete', () => {
  test('deletes the member with their folders, memberships, tokens and OAuth codes, and audits it', async () => {
    const id = await addMember(server, 'Leaver')
    await insertFolder(server.db, id, 'Empty folder')
    await server.db.query("insert into group_members (group_id, user_id, member_type, joined) values ($1, $2, 'member', 0)", [server.org.groupId, id])
    await server.db.query(
      "insert into oauth_codes (code_hash, client_id, user_id, redirect_uri, code_challenge, expiration_minutes, expires) select 'h', client_id, $1, 'x', 'y', 5, 0 from oauth_clients limit 1",
      [id],
    )
    const leaverToken = await server.tokenFor('Leaver')
    expect((await server.call('community/users/Leaver/delete', {}, { method: 'POST', token: leaverToken })).error.code).toBe(403)

    // Path in another case: usernames compare case-insensitively; the answer spells the stored name.
    expect(await del('LEAVER', adminToken)).toEqual({ success: true, username: 'Leaver' })
    expect(await memberExists(server.db, id)).toBe(false)
    for (const [table, column] of [['folders', 'owner_id'], ['group_members', 'user_id'], ['tokens', 'user_id'], ['oauth_codes', 'user_id']])
      expect(await server.db.query(`select 1 from ${table} where ${column} = $1`, [id]), table).toEqual([])
    // The deleted member's token stops working at once.
    expectError(await server.call('community/users/Leaver/delete', {}, { method: 'POST', token: leaverToken }), 498, 'GWM_0001')
    const audit = await lastAudit(server.db, 'delete', 'Leaver')
    expect(audit).toMatchObject({ actor: 'admin', outcome: 'success', after: { deleted: true, folders: 1, groupMemberships: 1, tokens: 1, oauthCodes: 1 } })
  })

  test('a disabled member can be deleted', async () => {
    expect(await del('disabled', adminToken)).toEqual({ success: true, username: 'disabled' })
  })

  test('rule 8: a member who owns items or groups is refused with the counts, and nothing changes', async () => {
    const before = await ownedBy(server.db, server.org.ids.owner)
    const body = await del('owner', adminToken)
    expectError(body, 400, 'USER_OWNS_CONTENT')
    expect(body.error.details).toEqual(['3 items', '1 group'])
    expect(body.error.message).toMatch(/owns 3 items and 1 group\. Move them/)
    expect(await ownedBy(server.db, server.org.ids.owner)).toEqual(before)
    expect(await lastAudit(server.db, 'delete', 'owner')).toMatchObject({ outcome: 'failure', message_code: 'USER_OWNS_CONTENT', after: null })
  })

  test('rule 8 counts groups alone and items alone, in singular and plural', async () => {
    const groupsOnly = await addMember(server, 'groupkeeper')
    await addContent(server.db, server.org.orgId, groupsOnly, { groups: 2 })
    expect((await del('groupkeeper', adminToken)).error.details).toEqual(['2 groups'])
    const oneItem = await addMember(server, 'oneitem')
    await addContent(server.db, server.org.orgId, oneItem, { folders: { F: 1 } })
    const body = await del('oneitem', adminToken)
    expect(body.error.details).toEqual(['1 item'])
    expect(body.error.message).toContain('owns 1 item.')
  })

  test('rule 2: nobody deletes themselves', async () => {
    expectError(await del('admin', adminToken), 400, 'ORG_SELF_ACTION')
    expect(await memberExists(server.db, server.org.ids.admin)).toBe(true)
  })

  test('rule 1: only a full administrator deletes an administrator', async () => {
    await addMember(server, 'deleter', { role: 'org_admin', roleId: deleterRoleId })
    const deleterToken = await server.tokenFor('deleter')
    expectError(await del('admin2', deleterToken), 403, 'ORG_ADMIN_TARGET')
    expectError(await del('manager', deleterToken), 403, 'ORG_ADMIN_TARGET') // a custom administrator is an administrator too
    expect(await memberExists(server.db, server.org.ids.admin2)).toBe(true)
    // The same custom role may delete a non-administrator: it holds deleteUsers.
    await addMember(server, 'plain1')
    expect(await del('plain1', deleterToken)).toEqual({ success: true, username: 'plain1' })
    // A full administrator deletes another administrator.
    await addMember(server, 'admin3', { role: 'org_admin' })
    expect(await del('admin3', adminToken)).toEqual({ success: true, username: 'admin3' })
  })

  test('rule 2: the last enabled full administrator is never deleted', async () => {
    // Through HTTP the actor is itself an enabled full administrator (reloaded inside the
    // transaction), so a delete can only remove the last one in a race (delete-last-admin-race).
    // Here the rule itself: B, authorized as a full administrator, acts on A after every
    // other full administrator (B included) was disabled: A is the last one.
    const a = await addMember(server, 'lastA', { role: 'org_admin' })
    await addMember(server, 'lastB', { role: 'org_admin' })
    const callerB = (await findCaller(server.db, await server.tokenFor('lastB')))!
    const others = ['admin', 'admin2', 'lastB']
    await server.db.query('update users set disabled = true where org_id = $1 and username = any($2)', [server.org.orgId, others])
    try {
      const attempt = server.db.transaction(async (tx) => applyDelete(tx, callerB, (await findUserForUpdate(tx, server.org.orgId, 'lastA'))!))
      await expect(attempt).rejects.toMatchObject({ messageCode: 'ORG_LAST_ADMIN', code: 400 })
      expect(await memberExists(server.db, a)).toBe(true)
      // Through HTTP, B (now disabled) is no longer anyone.
      expectError(await del('lastA', await server.tokenFor('lastB')), 498, 'GWM_0001')
    } finally {
      await server.db.query('update users set disabled = false where org_id = $1 and username = any($2)', [server.org.orgId, others])
    }
  })

  test('privileges: Member Manager, publisher, anonymous and a revoked token cannot delete', async () => {
    await addMember(server, 'plain2')
    expectError(await del('plain2', await server.tokenFor('manager')), 403, 'GWM_0003')
    expectError(await del('plain2', await server.tokenFor('publisher')), 403, 'GWM_0003')
    expectError(await del('plain2'), 499, 'GWM_0002')
    const revoked = await server.tokenFor('admin2')
    await server.db.query('delete from tokens where user_id = $1', [server.org.ids.admin2])
    expectError(await del('plain2', revoked), 498, 'GWM_0001')
    expect(await memberExists(server.db, server.org.ids.plain2)).toBe(true)
  })

  test('unknown member, a member of another organization, and GET are refused', async () => {
    expectError(await del('ghost', adminToken), 400, 'COM_0019')
    expect(await lastAudit(server.db, 'delete', 'ghost')).toMatchObject({ outcome: 'failure', message_code: 'COM_0019' })
    const stranger = await addOtherOrgMember(server.db, 'stranger-del')
    expectError(await del('stranger-del', adminToken), 400, 'COM_0019')
    expect(await memberExists(server.db, stranger)).toBe(true)
    await addMember(server, 'plain3')
    const viaGet = await server.call('community/users/plain3/delete', {}, { method: 'GET', token: adminToken })
    expectError(viaGet, 405, 'METHOD_NOT_ALLOWED')
    expect(await memberExists(server.db, server.org.ids.plain3)).toBe(true)
  })
})
