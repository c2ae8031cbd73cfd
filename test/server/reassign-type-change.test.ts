import { afterAll, beforeAll, expect, test } from 'vitest'
import { insertItem } from '../../server/seed/org.ts'
import { startTestServer, type TestServer } from './harness.ts'
import { addMember } from './reassign-helpers.ts'

/**
 * A move waits on the receiver's row lock while another transaction changes
 * the receiver's user type. Locked through a join with user_types, PostgreSQL
 * would re-check the updated row against the old type's row and drop it: the
 * move would report an existing receiver as not found. On PGlite the held
 * transaction simply runs first; the outcome must be the same.
 */
let server: TestServer
let adminToken: string
beforeAll(async () => {
  server = await startTestServer()
  adminToken = await server.tokenFor('admin')
})
afterAll(() => server?.close())

test("a move waiting on a receiver whose user type is changing still finds them, and moves", async () => {
  const receiverId = await addMember(server, 'typechanging', { userTypeId: 'creatorUT' })
  const itemId = await insertItem(server.db, server.org.ids.owner!, { title: 'moved while the type changes' })

  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  let locked!: () => void
  const isLocked = new Promise<void>((resolve) => (locked = resolve))
  const typeChange = server.db.transaction(async (tx) => {
    await tx.query("update users set user_type_id = 'GISProfessionalAdvUT' where id = $1", [receiverId])
    locked()
    await released
  })
  await isLocked
  const move = server.call(`content/users/owner/items/${itemId}/reassign`, { targetUsername: 'typechanging' }, { method: 'POST', token: adminToken })
  await new Promise((resolve) => setTimeout(resolve, 300)) // the move is now waiting on the receiver's row
  release()
  await typeChange

  expect(await move).toEqual({ success: true, itemId })
  const [item] = await server.db.query<{ owner_id: string }>('select owner_id from items where id = $1', [itemId])
  expect(item?.owner_id).toBe(receiverId)
})
