import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../server/db/connection.ts'
import { DATA_EDITOR_ROLE_ID, VIEWER_ROLE_ID } from '../../server/domain/privileges.ts'
import { ensureDemoOrganization } from '../../server/seed/demo.ts'
import { freshDb } from './harness.ts'

const OPTIONS = { adminUsername: 'admin', adminPassword: 'admin-pass-1', members: 60, seed: 1, memberPassword: 'demo-pass-1' }

describe('well-known demo accounts', () => {
  let db: Db
  let drop: () => Promise<void>
  const member = async (username: string) =>
    (await db.query<any>('select u.*, r.name as role_name from users u left join roles r on r.id = u.role_id where u.username = $1', [username]))[0]
  const owned = async (username: string) =>
    (await db.query<any>(`select i.title, f.title as folder from items i join users u on u.id = i.owner_id
      left join folders f on f.id = i.folder_id where u.username = $1 order by i.title`, [username]))

  beforeAll(async () => {
    ;({ db, drop } = await freshDb())
    await ensureDemoOrganization(db, OPTIONS)
  })
  afterAll(() => drop())

  it('has the administrators, the Member Manager and the role/type pairs the browser tests use', async () => {
    for (const name of ['admin', 'admin2', 'admin3', 'admin4']) expect([name, (await member(name)).role, (await member(name)).role_id]).toEqual([name, 'org_admin', null])
    expect((await member('manager')).role_name).toBe('Member Manager')
    expect((await member('analyst1')).role_name).toBe('Analyst')
    expect([(await member('viewer1')).user_type_id, (await member('viewer1')).role_id]).toEqual(['viewerUT', VIEWER_ROLE_ID])
    expect([(await member('editor1')).user_type_id, (await member('editor1')).role_id]).toEqual(['editorUT', DATA_EDITOR_ROLE_ID])
    expect((await member('pro1')).user_type_id).toBe('GISProfessionalAdvUT')
  })

  it('has never1 never signed in, disabled1 disabled after signing in, sso1 an enterprise login', async () => {
    expect((await member('never1')).last_login).toBe(-1)
    expect([(await member('disabled1')).disabled, (await member('disabled1')).last_login > 0]).toEqual([true, true])
    expect([(await member('sso1')).provider, (await member('sso1')).password_hash]).toEqual(['enterprise', null])
  })

  it('gives publisher1 root and folder items and a group with members, and nothing to the others', async () => {
    expect(await owned('publisher1')).toEqual([
      { title: 'City Overview', folder: null },
      { title: 'Flood Zones', folder: 'Maps' },
      { title: 'Parcels 2024', folder: 'Maps' },
      { title: 'Street Trees', folder: null },
    ])
    const [group] = await db.query<any>(`select g.title, count(m.user_id)::int as members from groups g join users u on u.id = g.owner_id
      join group_members m on m.group_id = g.id where u.username = 'publisher1' group by g.title`)
    expect(group).toEqual({ title: 'Publishing Team', members: 5 })
    for (const name of ['publisher2', 'user1', 'manager', 'never1']) expect(await owned(name)).toEqual([])
  })

  it('uses the given administrator password and prints none', async () => {
    const other = await freshDb()
    try {
      const message = await ensureDemoOrganization(other.db, { ...OPTIONS, members: 0 })
      expect(message).toContain('ADMIN_PASSWORD')
      expect(message).not.toContain('admin-pass-1')
      expect(message).not.toContain('demo-pass-1')
      const [count] = await other.db.query<{ n: number }>('select count(*)::int as n from users')
      expect(count!.n).toBe(1)
    } finally {
      await other.drop()
    }
  })

  it('seeds once when two starts race on one database', async () => {
    const other = await freshDb()
    try {
      const answers = await Promise.all([ensureDemoOrganization(other.db, OPTIONS), ensureDemoOrganization(other.db, OPTIONS)])
      expect(answers.filter(Boolean)).toHaveLength(1)
      const [count] = await other.db.query<{ orgs: number; users: number }>(
        'select (select count(*)::int from orgs) as orgs, (select count(*)::int from users) as users',
      )
      expect(count).toEqual({ orgs: 1, users: 61 })
    } finally {
      await other.drop()
    }
  })
})
