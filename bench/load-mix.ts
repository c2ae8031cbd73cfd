import { DATA_EDITOR_ROLE_ID, USER_TYPES, VIEWER_ROLE_ID } from '../server/domain/privileges.ts'
import { ACCENTED_LAST, CYRILLIC_LAST, GREEK_LAST, LATIN_FIRST, LATIN_LAST } from '../server/seed/names.ts'
import { asciiFold } from '../server/seed/person.ts'
import type { Random } from '../server/seed/random.ts'
import { searchCases } from './lib/search-cases.ts'

/** The parameters of one org search, as the console sends them. */
export type SearchParams = Record<string, string>

const DAY = 86_400_000
const SORTS = ['username', 'fullname', 'lastlogin', 'created', 'role', 'userlicensetype']
const PAGE_SIZES = ['25', '25', '25', '50', '100']
const NAMES = [...LATIN_LAST, ...LATIN_FIRST, ...ACCENTED_LAST, ...GREEK_LAST.map(([native]) => native), ...CYRILLIC_LAST.map(([native]) => native)]

/** A filter from the console's menus: role, user type, status, last sign-in, provider. */
function filter(random: Random, now: number): string {
  switch (random.int(0, 5)) {
    case 0:
      return `role:${random.pick(['org_admin', 'org_publisher', 'org_user', VIEWER_ROLE_ID, DATA_EDITOR_ROLE_ID])}`
    case 1:
      return `userlicensetype:${random.pick(USER_TYPES).id}`
    case 2:
      return `disabled:${random.pick(['true', 'false'])}`
    case 3: {
      const days = random.pick([7, 30, 90, 365])
      return `lastlogin:[${now - days * DAY} TO ${now}]`
    }
    case 4:
      return 'lastlogin:-1'
    default:
      return `provider:${random.pick(['arcgis', 'enterprise'])}`
  }
}

/** What someone types: a name's first letters, sometimes with a wildcard or a field. */
export function typedTerm(random: Random, name = random.pick(NAMES)): string {
  const prefix = name.slice(0, random.int(Math.min(2, name.length), name.length)).toLowerCase()
  switch (random.int(0, 5)) {
    case 0:
      return `${prefix}*`
    case 1:
      return `fullname:${prefix.includes(' ') ? `"${prefix}"` : prefix}`
    case 2:
      return `email:${asciiFold(prefix) || 'a'}`
    default:
      return prefix.includes(' ') ? `"${prefix}"` : prefix
  }
}

/**
 * One org search of the kinds the console sends: a term, a filter or two, both,
 * or none; a sort; a page size; now and then a deep page. A fifth of them are
 * the fixed cases of the server search benchmark, so both measure the same kinds.
 */
export function randomSearch(random: Random, now: number): SearchParams {
  if (random.chance(0.2)) {
    const { input } = random.pick(searchCases(now))
    return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]))
  }
  const parts: string[] = []
  const shape = random.int(0, 3)
  if (shape !== 1) parts.push(typedTerm(random))
  if (shape !== 0) parts.push(filter(random, now))
  if (shape === 3) parts.push(filter(random, now))
  const params: SearchParams = {
    q: parts.join(' AND '),
    num: random.pick(PAGE_SIZES),
    sortField: random.pick(SORTS),
    sortOrder: random.pick(['asc', 'desc']),
  }
  if (!params.q) delete params.q
  // Someone jumping to a late page of everyone, sorted.
  if (!params.q && random.chance(0.3)) params.start = String(random.int(1, 9_900 - Number(params.num)))
  return params
}

/** The searches a person typing a name sends as the console debounces: two or three growing prefixes. */
export function typingSearches(random: Random): SearchParams[] {
  const name = random.pick(NAMES).toLowerCase()
  const lengths = [...new Set([random.int(1, 2), random.int(3, 4), random.int(5, 7)])].filter((n) => n <= name.length)
  return lengths.slice(random.int(0, 1)).map((n) => ({ q: name.slice(0, n), num: '25', sortField: 'username', sortOrder: 'asc' }))
}
