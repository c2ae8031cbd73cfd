import { describe, expect, test } from 'vitest'
import { applyProfileEdits, parseProfileEdits, type ProfileFields, profileDiff } from '../../server/domain/profile-rules.ts'
import type { PortalError } from '../../server/http/errors.ts'

const current: ProfileFields = {
  fullName: 'Uma User', firstName: 'Uma', lastName: 'User', email: 'uma@example.com', description: '',
  culture: 'en', region: '', units: 'metric', tags: [],
}

function refusal(params: Record<string, string>): string {
  try {
    parseProfileEdits(params)
    return 'ok'
  } catch (error) {
    return (error as PortalError).messageCode
  }
}

describe('profile validation', () => {
  test.each([
    [{ email: 'uma@example.org' }, 'ok'],
    [{ email: 'not-an-email' }, 'INVALID_EMAIL'],
    [{ email: 'a b@example.org' }, 'INVALID_EMAIL'],
    [{ email: '' }, 'INVALID_EMAIL'],
    [{ email: `${'a'.repeat(250)}@example.org` }, 'INVALID_PARAMETER'],
    [{ firstName: 'x'.repeat(129) }, 'INVALID_PARAMETER'],
    [{ firstName: 'two\nlines' }, 'INVALID_PARAMETER'],
    [{ description: 'two\nlines are fine here' }, 'ok'],
    [{ description: 'x'.repeat(32_001) }, 'INVALID_PARAMETER'],
    [{ culture: 'pt-BR' }, 'ok'],
    [{ culture: 'not a culture' }, 'INVALID_PARAMETER'],
    [{ region: 'US' }, 'ok'],
    [{ region: 'USA' }, 'INVALID_PARAMETER'],
    [{ units: 'english' }, 'ok'],
    [{ units: 'furlongs' }, 'INVALID_PARAMETER'],
    [{ tags: '["a","b"]' }, 'ok'],
    [{ tags: Array.from({ length: 129 }, (_, i) => `t${i}`).join(',') }, 'INVALID_PARAMETER'],
  ])('%j → %s', (params, expected) => {
    expect(refusal(params)).toBe(expected)
  })

  test('only the fields sent are edited; unknown parameters are ignored', () => {
    expect(parseProfileEdits({ lastName: ' Smith ', role: 'org_admin', f: 'json' })).toEqual({ lastName: 'Smith' })
  })

  test('the full name follows first and last names unless it is sent', () => {
    expect(applyProfileEdits(current, { lastName: 'Smith' }).fullName).toBe('Uma Smith')
    expect(applyProfileEdits(current, { lastName: 'Smith', fullName: 'Dr U. Smith' }).fullName).toBe('Dr U. Smith')
    expect(applyProfileEdits(current, { description: 'hi' }).fullName).toBe('Uma User')
  })

  test('the diff holds only what changed', () => {
    const next = applyProfileEdits(current, { lastName: 'Smith', email: 'uma@example.com', tags: ['x'] })
    expect(profileDiff(current, next)).toEqual({
      before: { fullName: 'Uma User', lastName: 'User', tags: [] },
      after: { fullName: 'Uma Smith', lastName: 'Smith', tags: ['x'] },
    })
  })
})
