import { describe, expect, it } from 'vitest'
import { memberQueries } from './member-queries.ts'
import { buildMemberSearchParams } from './search-query.ts'
import { parseView } from './search-view.ts'

const NOW = Date.UTC(2025, 0, 15)
const keyOf = (url: string) => memberQueries.list(buildMemberSearchParams(parseView(new URLSearchParams(url)), NOW)).queryKey

describe('memberQueries', () => {
  it('puts every key under all(), so one invalidation refreshes the feature', () => {
    const keys = [
      memberQueries.list(buildMemberSearchParams(parseView(new URLSearchParams()), NOW)).queryKey,
      memberQueries.detail('Ada').queryKey,
      memberQueries.content('ada', 'f1').queryKey,
      memberQueries.groups('ada').queryKey,
      memberQueries.roles().queryKey,
      memberQueries.userTypes().queryKey,
      memberQueries.counts('role').queryKey,
    ]
    for (const key of keys) expect(key.slice(0, 1)).toEqual(memberQueries.all())
    expect(memberQueries.all()).toEqual(['members'])
    expect(new Set(keys.map((key) => JSON.stringify(key))).size).toBe(keys.length)
  })

  it('gives equal views one key, however the URL spelled them', () => {
    expect(keyOf('')).toEqual(keyOf('sort=fullname&order=asc&page=1&size=25&in=all'))
    expect(keyOf('role=org_user&mfa=on')).toEqual(keyOf('mfa=on&role=org_user&size=nonsense'))
    expect(keyOf('q=%20%20')).toEqual(keyOf(''))
  })

  it('keeps different views apart', () => {
    expect(keyOf('page=2')).not.toEqual(keyOf(''))
    expect(keyOf('q=ada')).not.toEqual(keyOf('q=ada&in=email'))
    expect(keyOf('order=desc')).not.toEqual(keyOf(''))
    expect(keyOf('size=50')).not.toEqual(keyOf(''))
  })

  it('keys the list by what is sent', () => {
    expect(keyOf('q=ada&role=org_user&sort=created&order=desc&page=2&size=50')).toEqual([
      'members',
      'list',
      { q: 'ada AND role:org_user', sortField: 'created', sortOrder: 'desc', start: 51, num: 50 },
    ])
  })

  it('keys a member case-insensitively and a folder apart from the root', () => {
    expect(memberQueries.detail('Ada.Lovelace').queryKey).toEqual(memberQueries.detail('ada.lovelace').queryKey)
    expect(memberQueries.content('ada').queryKey).toEqual(['members', 'content', 'ada', 'root'])
    expect(memberQueries.content('ada', 'abc').queryKey).toEqual(['members', 'content', 'ada', 'abc'])
    expect(memberQueries.counts('provider').queryKey).toEqual(['members', 'counts', 'provider'])
  })
})
