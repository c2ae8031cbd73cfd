import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyPassword } from '../../server/auth/passwords.ts'
import type { Db } from '../../server/db/connection.ts'
import { ADMIN_PRIVILEGES, DEFAULT_ROLES, isDefaultRole, USER_TYPES } from '../../server/domain/privileges.ts'
import { ensureDemoOrganization } from '../../server/seed/demo.ts'
import { planDemoMembers } from '../../server/seed/demo-members.ts'
import { freshDb } from './harness.ts'

const NOW = Date.UTC(2026, 0, 15, 12)
const DAY = 86_400_000
const MEMBERS = 2000
const OPTIONS = { adminUsername: 'Boss', members: MEMBERS, seed: 42, memberPassword: 'demo-pass-1', now: NOW }

interface Row {
  username: string
  full_name: string
  first_name: string
  last_name: string
  email: string
  role: string
  role_id: string | null
  role_name: string | null
  role_privileges: string[] | null
  user_type_id: string
  provider: string
  idp_username: string | null
  disabled: boolean
  mfa_enabled: boolean
  last_login: number
  created: number
  password_hash: string | null
}

const MEMBER_SQL = `select u.username, u.full_name, u.first_name, u.last_name, u.email, u.role, u.role_id, r.name as role_name,
    r.privileges as role_privileges, u.user_type_id, u.provider, u.idp_username, u.disabled, u.mfa_enabled, u.last_login,
    u.created, u.password_hash
  from users u left join roles r on r.id = u.role_id order by lower(u.username)`

let db: Db
let drop: () => Promise<void>
let message: string | undefined
let rows: Row[]
/** Demo members only: everyone but the first administrator. */
let members: Row[]
const share = (predicate: (r: Row) => boolean) => members.filter(predicate).length / members.length

beforeAll(async () => {
  ;({ db, drop } = await freshDb())
  message = await ensureDemoOrganization(db, OPTIONS)
  rows = await db.query<Row>(MEMBER_SQL)
  members = rows.filter((r) => r.username !== 'Boss')
})
afterAll(() => drop())

describe('first start', () => {
  it('creates the organization, the first administrator and the members, and says how to sign in', async () => {
    expect(rows).toHaveLength(MEMBERS + 1)
    const [org] = await db.query<{ name: string; max_users: number }>('select name, max_users from orgs')
    expect(org!.name).toBe('Members Demo')
    expect(org!.max_users).toBeGreaterThanOrEqual(MEMBERS + 1)
    const boss = rows.find((r) => r.username === 'Boss')!
    expect([boss.role, boss.role_id, boss.disabled]).toEqual(['org_admin', null, false])
    expect(message).toContain('Boss')
    expect(message).toContain('demo-pass-1')
  })

  it('prints a generated administrator password once, and it verifies', async () => {
    const password = /password: (\S+)\s+\(generated/.exec(message ?? '')?.[1]
    expect(password).toMatch(/^\S{12,}$/)
    const boss = rows.find((r) => r.username === 'Boss')!
    expect(await verifyPassword(password!, boss.password_hash)).toBe(true)
    expect(await verifyPassword('wrong', boss.password_hash)).toBe(false)
  })

  it('gives built-in members the member password and external logins none', async () => {
    const builtIn = members.find((r) => r.provider === 'arcgis')!
    expect(await verifyPassword('demo-pass-1', builtIn.password_hash)).toBe(true)
    expect(members.filter((r) => r.provider !== 'arcgis').every((r) => r.password_hash === null)).toBe(true)
  })

  it('seeds nothing on a second start', async () => {
    expect(await ensureDemoOrganization(db, { ...OPTIONS, seed: 43 })).toBeUndefined()
    const [count] = await db.query<{ n: number }>('select count(*)::int as n from users')
    expect(count!.n).toBe(MEMBERS + 1)
  })

  it('builds the search indexes, gathers planner statistics and vacuums', async () => {
    const indexes = (await db.query<{ indexname: string }>("select indexname from pg_indexes where tablename = 'users'")).map((r) => r.indexname)
    expect(indexes).toEqual(expect.arrayContaining(['users_search_trgm', 'users_username_trgm', 'users_email_trgm', 'users_username_lower']))
    const [stats] = await db.query<{ n: number }>("select count(*)::int as n from pg_stats where tablename = 'users'")
    expect(stats!.n).toBeGreaterThan(10)
    // Vacuumed: the visibility map is set, so index-only scans need not read the table.
    const [pages] = await db.query<{ relpages: number; relallvisible: number }>("select relpages, relallvisible from pg_class where relname = 'users'")
    expect(pages!.relallvisible).toBeGreaterThan(0)
    expect(pages!.relallvisible).toBe(pages!.relpages)
  })
})

describe('determinism', () => {
  it('plans the same members for the same seed, and others for another seed', () => {
    const plan = (seed: number) => planDemoMembers({ count: 500, seed, now: NOW, reserved: ['admin'] })
    expect(plan(5)).toEqual(plan(5))
    expect(plan(6).map((m) => m.username)).not.toEqual(plan(5).map((m) => m.username))
  })

  it('stores the same member list when seeded again with the same seed', async () => {
    const other = await freshDb()
    try {
      await ensureDemoOrganization(other.db, { ...OPTIONS, adminPassword: 'x-admin-password' })
      const again = await other.db.query<Row>(MEMBER_SQL)
      const comparable = (list: Row[]) => list.map(({ password_hash: _, role_id: __, ...rest }) => rest)
      expect(comparable(again)).toEqual(comparable(rows))
    } finally {
      await other.drop()
    }
  })
})

describe('roles and user types', () => {
  const privilegesOf = (r: Row) => (isDefaultRole(r.role) && !r.role_id ? DEFAULT_ROLES[r.role].privileges : r.role_privileges!)

  it('gives every member a role that fits their user type', () => {
    const misfits = rows.filter((r) => {
      const ceiling = new Set(USER_TYPES.find((t) => t.id === r.user_type_id)!.privileges)
      return privilegesOf(r).some((p) => !ceiling.has(p))
    })
    expect(misfits.map((r) => `${r.username}: ${r.role_name ?? r.role} on ${r.user_type_id}`)).toEqual([])
  })

  it('uses the default roles, Viewer, Data Editor, Member Manager and a plain custom role', () => {
    const held = new Set(members.map((r) => r.role_name ?? r.role))
    expect([...held].sort()).toEqual(['Analyst', 'Data Editor', 'Member Manager', 'Viewer', 'org_admin', 'org_publisher', 'org_user'])
    const managers = members.filter((r) => r.role_name === 'Member Manager')
    expect(managers.length).toBeGreaterThanOrEqual(3)
    expect(managers[0]!.role).toBe('org_admin')
    expect(managers[0]!.role_privileges).not.toContain('portal:admin:deleteUsers')
    expect(managers[0]!.role_privileges).toEqual(expect.arrayContaining(ADMIN_PRIVILEGES.filter((p) => p !== 'portal:admin:deleteUsers')))
    const analyst = members.find((r) => r.role_name === 'Analyst')!
    expect([analyst.role, analyst.role_privileges!.some((p) => p.startsWith('portal:admin:'))]).toEqual(['org_user', false])
  })

  it('has at least three full administrators besides the first', () => {
    expect(members.filter((r) => r.role === 'org_admin' && r.role_id === null && !r.disabled).length).toBeGreaterThanOrEqual(3)
  })

  it('uses every user type, with seats for all its members and one type nearly full', async () => {
    const types = await db.query<{ id: string; max_users: number; assigned: number }>(
      'select t.id, t.max_users, (select count(*)::int from users u where u.user_type_id = t.id) as assigned from user_types t',
    )
    expect(types.map((t) => t.id).sort()).toEqual(USER_TYPES.map((t) => t.id).sort())
    for (const t of types) expect(t.assigned, t.id).toBeGreaterThan(0)
    for (const t of types) expect(t.max_users, t.id).toBeGreaterThanOrEqual(t.assigned)
    const nearlyFull = types.filter((t) => t.max_users - t.assigned <= 2)
    expect(nearlyFull.map((t) => [t.id, t.max_users - t.assigned])).toEqual([['GISProfessionalAdvUT', 1]])
  })
})

describe('status, sign-in and dates', () => {
  it('has ≥5% never signed in and ≥5% disabled, only among those who signed in', () => {
    expect(share((r) => r.last_login === -1)).toBeGreaterThanOrEqual(0.05)
    expect(share((r) => r.disabled)).toBeGreaterThanOrEqual(0.05)
    expect(members.filter((r) => r.disabled && r.last_login === -1)).toEqual([])
  })

  it('has ≥10% enterprise logins with an IdP username, some social logins, and MFA only on built-in accounts', () => {
    const enterprise = members.filter((r) => r.provider === 'enterprise')
    expect(enterprise.length / members.length).toBeGreaterThanOrEqual(0.1)
    expect(enterprise.every((r) => r.idp_username && r.password_hash === null)).toBe(true)
    const social = new Set(members.filter((r) => ['google', 'github', 'apple', 'facebook'].includes(r.provider)).map((r) => r.provider))
    expect(social.size).toBeGreaterThanOrEqual(3)
    const mfa = members.filter((r) => r.mfa_enabled)
    expect(mfa.length).toBeGreaterThan(members.length * 0.05)
    expect(mfa.every((r) => r.provider === 'arcgis')).toBe(true)
  })

  it('spreads creation over about six years and sign-ins over every range of the filter menu', () => {
    const created = members.map((r) => r.created)
    expect(Math.min(...created)).toBeLessThan(NOW - 5 * 365 * DAY)
    expect(Math.max(...created)).toBeGreaterThan(NOW - 60 * DAY)
    expect(members.every((r) => r.created <= NOW && (r.last_login === -1 || r.last_login >= r.created))).toBe(true)
    const ago = members.filter((r) => r.last_login > 0).map((r) => (NOW - r.last_login) / DAY)
    const buckets = [[0, 7], [7, 30], [30, 90], [90, 365], [365, 7 * 365]].map(([a, b]) => ago.filter((d) => d >= a! && d < b!).length)
    for (const count of buckets) expect(count).toBeGreaterThan(members.length * 0.05)
  })
})

describe('names and usernames', () => {
  it('has accents, apostrophes, hyphens and Greek, Cyrillic, CJK and Arabic names', () => {
    const names = members.map((r) => r.full_name)
    const some = (pattern: RegExp) => names.filter((n) => pattern.test(n)).length
    expect(some(/[À-ɏ]/u)).toBeGreaterThan(20)
    expect(some(/[A-Z]'[A-Z]/)).toBeGreaterThan(10)
    expect(some(/\p{L}-\p{L}/u)).toBeGreaterThan(10)
    for (const script of [/\p{Script=Greek}/u, /\p{Script=Cyrillic}/u, /[\p{Script=Han}\p{Script=Hangul}]/u, /\p{Script=Arabic}/u])
      expect(some(script), String(script)).toBeGreaterThan(10)
  })

  it('has unique usernames regardless of case and plausible emails', () => {
    expect(new Set(rows.map((r) => r.username.toLowerCase())).size).toBe(rows.length)
    expect(members.filter((r) => !/^[a-z0-9._-]{4,}$/.test(r.username.replace(/_membersdemo$/, '')))).toEqual([])
    expect(members.filter((r) => !/^[a-z0-9._-]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(r.email))).toEqual([])
  })
})

describe('content', () => {
  it('has members owning root items, folder items and groups (some with members), and most owning nothing', async () => {
    const [c] = await db.query<Record<string, number>>(`select
        (select count(distinct owner_id)::int from items where folder_id is null) as root_owners,
        (select count(distinct owner_id)::int from items where folder_id is not null) as folder_owners,
        (select count(distinct owner_id)::int from groups) as group_owners,
        (select count(*)::int from groups g where (select count(*) from group_members m where m.group_id = g.id) > 1) as groups_with_members,
        (select count(*)::int from users u where not exists (select 1 from items i where i.owner_id = u.id)
            and not exists (select 1 from groups g where g.owner_id = u.id)) as owning_nothing,
        (select count(*)::int from users u where u.user_type_id in ('viewerUT', 'editorUT', 'fieldWorkerUT')
            and (exists (select 1 from items i where i.owner_id = u.id) or exists (select 1 from groups g where g.owner_id = u.id))) as misplaced`)
    expect(c!.root_owners).toBeGreaterThan(20)
    expect(c!.folder_owners).toBeGreaterThan(10)
    expect(c!.group_owners).toBeGreaterThan(10)
    expect(c!.groups_with_members).toBeGreaterThan(5)
    expect(c!.owning_nothing).toBeGreaterThan(MEMBERS * 0.8)
    expect(c!.misplaced).toBe(0)
  })

  it('keeps each owner’s storage usage equal to the size of their items', async () => {
    const off = await db.query(`select u.username from users u
      where u.storage_usage <> coalesce((select sum(size) from items i where i.owner_id = u.id), 0)`)
    expect(off).toEqual([])
  })
})
