import { isDefaultRole } from '../domain/privileges.ts'
import { notPermitted } from '../http/errors.ts'
import { hasWildcard, type QueryNode, type RangeNode, type TermNode, termText } from './query-ast.ts'
import { invalidQuery } from './query-errors.ts'
import type { SqlParams } from './sql-params.ts'
import { keyPattern, rawPattern } from './term-pattern.ts'
import { canonicalRole, PUBLIC_NAME_COLUMNS, PUBLIC_USER_FIELD_NAMES, USER_FIELDS } from './user-fields.ts'

export interface CompileOptions {
  /**
   * The caller may only see what a plain member sees: bare terms skip email,
   * and a field outside PUBLIC_USER_FIELD_NAMES is refused ('deny', a 403)
   * or matches nobody ('exclude', for other organizations' members in a
   * portal-wide search).
   */
  publicOnly?: 'deny' | 'exclude'
  /**
   * Match one-word bare terms through the word index (004_search_words.sql):
   * the same hits as the LIKE, found exactly by the index with no recheck.
   * For counts and for sorting every hit; a page read along a sort index
   * tests each row it passes, and there the LIKE is the cheaper test.
   */
  wordIndex?: boolean
}

/** `% word%`: a word start, one word of letters and digits, short enough for the word index. */
const WORD_PREFIX = /^% ([\p{L}\p{N}]{1,100})%$/u

/** Compiles a parsed query into a boolean SQL expression over `users u`; values go into params. */
export function compileUserQuery(node: QueryNode, params: SqlParams, options: CompileOptions = {}): string {
  switch (node.kind) {
    case 'and':
    case 'or':
      return `(${node.children.map((child) => compileUserQuery(child, params, options)).join(` ${node.kind} `)})`
    case 'not':
      return `not (${compileUserQuery(node.child, params, options)})`
    case 'term':
    case 'range':
      if (node.field && options.publicOnly && !PUBLIC_USER_FIELD_NAMES.includes(node.field)) {
        if (options.publicOnly === 'exclude') return 'false'
        throw notPermitted(`Searching by '${node.field}' needs the portal:admin:viewUsers privilege.`)
      }
      return node.kind === 'term' ? compileTerm(node, params, options) : compileRange(node, params)
  }
}

function compileTerm(node: TermNode, params: SqlParams, options: CompileOptions): string {
  if (node.field === null) {
    const pattern = keyPattern(node.parts)
    if (pattern === null) return 'true'
    const word = options.wordIndex && !options.publicOnly ? WORD_PREFIX.exec(pattern)?.[1] : undefined
    if (word) return `u.search_words @@ ${params.add(`'${word}':*`)}::tsquery`
    const placeholder = params.add(pattern)
    const severalWords = pattern.replace(/^% /, '').includes(' ')
    if (!options.publicOnly && !severalWords) return `u.search_key like ${placeholder}`
    // search_key is the five keys end to end, so several words in a row could
    // match across two of them ("admin ada": username, then full name), and a
    // plain member must not match emails: those are checked key by key. Whatever
    // one key matches, search_key matches too, so it stays as the condition its
    // trigram index answers (five index scans ORed are 10-40x slower at 100k).
    const columns = options.publicOnly ? PUBLIC_NAME_COLUMNS : [...PUBLIC_NAME_COLUMNS, 'u.email_key']
    return `(u.search_key like ${placeholder} and (${columns.map((column) => `${column} like ${placeholder}`).join(' or ')}))`
  }
  const field = USER_FIELDS[node.field]
  const value = termText(node.parts)
  switch (field.kind) {
    case 'text': {
      const pattern = keyPattern(node.parts)
      return pattern === null ? 'true' : `${field.column} like ${params.add(pattern)}`
    }
    case 'keyword':
      if (hasWildcard(node.parts)) return `lower(${field.column}) like lower(${params.add(rawPattern(node.parts))})`
      return `${field.column} = ${params.add(field.canonical ? field.canonical(value) : value)}`
    case 'role': {
      // A member holding a custom role reports its base role too; `role:org_admin`
      // means the default role itself, as the role filter of the org list does.
      if (hasWildcard(node.parts)) return `lower(coalesce(u.role_id, u.role)) like lower(${params.add(rawPattern(node.parts))})`
      const role = canonicalRole(value)
      if (isDefaultRole(role)) return `(u.role = ${params.add(role)} and u.role_id is null)`
      return `(u.role_id is not null and u.role_id = ${params.add(role)})`
    }
    case 'boolean': {
      const lower = value.toLowerCase()
      if (lower !== 'true' && lower !== 'false') throw invalidQuery(`${node.field} takes true or false, not '${value}'`, node.position)
      return `${field.column} = ${params.add(lower === 'true')}`
    }
    case 'number':
      return `${field.column} = ${params.add(epochMillis(node.field, value, node.position))}`
  }
}

function compileRange(node: RangeNode, params: SqlParams): string {
  const field = USER_FIELDS[node.field]
  if (field.kind !== 'number')
    throw invalidQuery(`ranges work on created and lastlogin only, not on ${node.field}`, node.position)
  const conditions: string[] = []
  if (node.lower !== null)
    conditions.push(`${field.column} ${node.includeLower ? '>=' : '>'} ${params.add(epochMillis(node.field, node.lower, node.position))}`)
  if (node.upper !== null)
    conditions.push(`${field.column} ${node.includeUpper ? '<=' : '<'} ${params.add(epochMillis(node.field, node.upper, node.position))}`)
  return conditions.length === 0 ? 'true' : `(${conditions.join(' and ')})`
}

/** Times are epoch milliseconds (lastlogin -1: never signed in). */
function epochMillis(field: string, value: string, position: number): number {
  const n = Number(value)
  if (!/^-?\d{1,16}$/.test(value) || !Number.isSafeInteger(n))
    throw invalidQuery(`${field} takes epoch milliseconds (e.g. ${field}:[1700000000000 TO *]), not '${value}'`, position)
  return n
}
