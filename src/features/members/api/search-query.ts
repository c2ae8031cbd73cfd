import type { LastSignIn, LoginType, MembersView, SearchScope, SortField } from './search-view.ts'

/** What `portals/self/users/search` receives for one view of the list. */
export interface MemberSearchParams {
  q?: string
  sortField: SortField
  sortOrder: 'asc' | 'desc'
  start: number
  num: number
}

const DAY = 24 * 60 * 60 * 1000
// Upper bound for "signed in since …": any real timestamp is below it.
const FAR_FUTURE = 9_999_999_999_999

const SCOPE_FIELD: Record<SearchScope, string | null> = {
  all: null,
  fullname: 'fullname',
  firstname: 'firstname',
  lastname: 'lastname',
  username: 'username',
  email: 'email',
}

const SOCIAL_PROVIDERS = ['google', 'github', 'apple', 'facebook']

/** Backslash-escapes Lucene's special characters so user text is only ever text. */
export function escapeLucene(text: string): string {
  return text.replace(/&&|\|\||[+\-!(){}[\]^"~*?:\\/]/g, (match) => match.replace(/./g, (c) => `\\${c}`))
}

const words = (text: string) => text.trim().split(/\s+/).filter(Boolean)
/** The portal searches letters and digits only (server/search/term-pattern.ts). */
const searchable = (word: string) => /[\p{L}\p{N}]/u.test(word)

/**
 * Words of the search box the portal cannot search for: it matches letters and digits only (punctuation
 * and symbols separate words), so a word of neither, like "%" or "🙂", narrows nothing.
 */
export function unsearchableWords(text: string): string[] {
  return [...new Set(words(text).filter((word) => !searchable(word)))]
}

/**
 * Query syntax typed into the box, which searches plain text (buildTextClause escapes it): wildcards,
 * field prefixes, boosts and operators, as an ArcGIS administrator may type them ("j?hn", "username:pat",
 * "NOT admin"). Said, since such a search quietly finds nothing.
 */
export function typedSyntax(text: string): string[] {
  const found = new Set<string>()
  // Not in words without letters or digits: unsearchableWords names those already.
  for (const word of words(text).filter(searchable)) {
    if (/^(AND|OR|NOT)$/.test(word)) found.add(word)
    for (const char of word.match(/[?*:^~]/g) ?? []) found.add(char)
  }
  return [...found]
}

/** Words of the search box, each escaped, each required (AND); scoped to one field if asked. */
export function buildTextClause(text: string, scope: SearchScope): string | undefined {
  // AND/OR/NOT typed as words are operators to the parser: quote them so they stay words.
  const terms = words(text).map(escapeLucene).map((word) => (/^(AND|OR|NOT)$/.test(word) ? `"${word}"` : word))
  if (!terms.length) return undefined
  const field = SCOPE_FIELD[scope]
  return terms.map((term) => (field ? `${field}:${term}` : term)).join(' AND ')
}

function anyOf(field: string, values: readonly string[]): string | undefined {
  if (!values.length) return undefined
  const clauses = values.map((value) => `${field}:${value}`)
  return clauses.length === 1 ? clauses[0] : `(${clauses.join(' OR ')})`
}

/** `now` is passed in (rounded by the caller) so equal views give equal queries. */
export function lastSignInClause(range: LastSignIn, now: number): string {
  switch (range) {
    case 'never':
      return 'lastlogin:-1'
    case '7d':
    case '30d':
    case '90d':
      return `lastlogin:[${now - Number.parseInt(range, 10) * DAY} TO ${FAR_FUTURE}]`
    case 'over90d':
      return `lastlogin:[0 TO ${now - 90 * DAY}]`
    case 'over1y':
      return `lastlogin:[0 TO ${now - 365 * DAY}]`
  }
}

function loginClause(types: readonly LoginType[]): string | undefined {
  const providers = types.flatMap((type) => (type === 'social' ? SOCIAL_PROVIDERS : [type]))
  return anyOf('provider', providers)
}

/** The whole view as one `q` (AND of search text and each filter) plus sort and paging. */
export function buildMemberSearchParams(view: MembersView, now: number): MemberSearchParams {
  const clauses = [
    buildTextClause(view.q, view.in),
    anyOf('role', view.role),
    anyOf('userlicensetype', view.type),
    view.status && `disabled:${view.status === 'disabled'}`,
    view.signin && lastSignInClause(view.signin, now),
    loginClause(view.login),
    view.mfa && `mfaenabled:${view.mfa === 'on'}`,
  ].filter((clause): clause is string => Boolean(clause))
  return {
    q: clauses.length ? clauses.join(' AND ') : undefined,
    sortField: view.sort,
    sortOrder: view.order,
    start: (view.page - 1) * view.size + 1,
    num: view.size,
  }
}

/** Rounds the clock to the minute, so a view's query (and cache key) holds still while you look at it. */
export function stableNow(date = Date.now()): number {
  return Math.floor(date / 60_000) * 60_000
}
