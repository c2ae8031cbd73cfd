import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Member } from '../types.ts'
import { fetchAllMembers, membersToCsv } from './export-members.ts'
import { searchMembers } from './search-members.ts'

vi.mock('./search-members.ts', () => ({ MAX_PAGEABLE: 10_000, searchMembers: vi.fn() }))
const search = vi.mocked(searchMembers)

const fake = (i: number) => ({ username: `u${i}` }) as Member
/** A portal holding `total` matching members. */
function portalWith(total: number) {
  search.mockImplementation(async (params) => {
    const results = Array.from({ length: Math.max(0, Math.min(params.num, total - params.start + 1)) }, (_, i) => fake(params.start + i))
    return { total, start: params.start, num: params.num, nextStart: -1, results }
  })
}

beforeEach(() => {
  search.mockReset()
})

describe('fetchAllMembers', () => {
  it('pages through every matching member, 100 at a time', async () => {
    portalWith(250)
    const progress: number[] = []
    const { members, total } = await fetchAllMembers({ sortField: 'fullname', sortOrder: 'asc', start: 1, num: 25, q: 'disabled:false' }, (loaded) => progress.push(loaded))
    expect(total).toBe(250)
    expect(members.map((m) => m.username)).toEqual(Array.from({ length: 250 }, (_, i) => `u${i + 1}`))
    expect(search.mock.calls.map(([p]) => [p.start, p.num, p.q])).toEqual([
      [1, 100, 'disabled:false'],
      [101, 100, 'disabled:false'],
      [201, 100, 'disabled:false'],
    ])
    expect(progress.at(-1)).toBe(250)
  })

  it('stops at the 10,000 a search can page through', async () => {
    portalWith(12_345)
    const { members, total } = await fetchAllMembers({ sortField: 'fullname', sortOrder: 'asc', start: 1, num: 25 }, () => {})
    expect(total).toBe(12_345)
    expect(members).toHaveLength(10_000)
    expect(Math.max(...search.mock.calls.map(([p]) => p.start + p.num - 1))).toBe(10_000)
  })
})

describe('membersToCsv', () => {
  it('names roles and types, and defuses formulas in member-entered text', () => {
    const csv = membersToCsv(
      [
        {
          username: 'mallory',
          fullName: '=HYPERLINK("http://x","click")',
          email: 'm@example.com',
          role: 'org_user',
          roleId: 'iAAAAAAAAAAAAAAA',
          userLicenseTypeId: 'viewerUT',
          disabled: true,
          lastLogin: -1,
          provider: 'arcgis',
          mfaEnabled: false,
          created: 0,
        },
      ],
      [{ id: 'iAAAAAAAAAAAAAAA', name: 'Viewer', description: '', privileges: [], isDefault: false, baseRole: 'org_user' }],
      [{ id: 'viewerUT', name: 'Viewer', description: '', privileges: [] }],
    )
    expect(csv.split('\r\n')[1]).toBe('mallory,"\'=HYPERLINK(""http://x"",""click"")",m@example.com,Viewer,Viewer,Disabled,Built-in,Off,Never,')
  })
})
