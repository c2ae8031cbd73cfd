import type { QueryNode } from './query-ast.ts'
import { invalidQuery } from './query-errors.ts'
import { type Token, tokenize } from './query-lexer.ts'

export const MAX_QUERY_LENGTH = 4000
const MAX_DEPTH = 32
const MAX_CLAUSES = 200

export interface ParseOptions {
  /** Field names the caller may use, lower-case; anything else is an unknown field. */
  fields: readonly string[]
}

/**
 * Parses a Lucene-style `q` into a QueryNode, or null for an empty query
 * (which matches everything). Grammar, loosest binding first:
 *
 *   or     := and (('OR' | '||') and)*
 *   and    := clause (['AND' | '&&'] clause)*     -- no operator means AND
 *   clause := ('NOT' | '!' | '-' | '+') clause | primary
 *   primary:= '(' or ')' | field ':' (value | '(' or ')') | value
 *   value  := term | "phrase" | [a TO b] | {a TO b}
 *
 * Lucene's own default operator is OR with relevance ranking; we have no
 * relevance, so two terms side by side must both match (AND), which is
 * what a person typing "jo smith" into a search box expects. AND binds
 * tighter than OR. `+x` is just x; `-x` and `NOT x` exclude x.
 */
export function parseQuery(query: string, options: ParseOptions): QueryNode | null {
  if (query.length > MAX_QUERY_LENGTH)
    throw invalidQuery(`the query is ${query.length} characters long; the limit is ${MAX_QUERY_LENGTH}`)
  const tokens = tokenize(query)
  if (tokens.length === 0) return null
  return new Parser(tokens, options).parseAll()
}

class Parser {
  private index = 0
  private depth = 0
  private clauses = 0

  constructor(
    private readonly tokens: Token[],
    private readonly options: ParseOptions,
  ) {}

  parseAll(): QueryNode {
    const node = this.parseOr(null)
    const extra = this.peek()
    if (extra) throw invalidQuery(`'${tokenLabel(extra)}' has no matching '('`, extra.pos)
    return node
  }

  private peek(): Token | undefined {
    return this.tokens[this.index]
  }

  private parseOr(field: string | null): QueryNode {
    const children = [this.parseAnd(field)]
    while (this.peek()?.type === 'or') {
      this.index++
      children.push(this.parseAnd(field))
    }
    return children.length === 1 ? children[0] : { kind: 'or', children }
  }

  private parseAnd(field: string | null): QueryNode {
    const children = [this.parseClause(field)]
    for (let next = this.peek(); next && next.type !== 'or' && next.type !== 'rparen'; next = this.peek()) {
      if (next.type === 'and') this.index++
      children.push(this.parseClause(field))
    }
    return children.length === 1 ? children[0] : { kind: 'and', children }
  }

  private parseClause(field: string | null): QueryNode {
    const token = this.peek()
    if (++this.clauses > MAX_CLAUSES) throw invalidQuery(`the query has more than ${MAX_CLAUSES} terms and operators; simplify it`, token?.pos)
    if (token && (token.type === 'not' || token.type === 'minus' || token.type === 'plus')) {
      this.index++
      const child = this.nested(() => this.parseClause(field), token)
      return token.type === 'plus' ? child : { kind: 'not', child }
    }
    return this.parsePrimary(field)
  }

  private parsePrimary(field: string | null): QueryNode {
    const token = this.peek()
    const before = this.tokens[this.index - 1]
    if (!token) {
      if (before) throw invalidQuery(`'${tokenLabel(before)}' must be followed by a term`, before.pos)
      throw invalidQuery('the query is empty')
    }
    this.index++
    switch (token.type) {
      case 'lparen': {
        const inner = this.nested(() => this.parseOr(field), token)
        if (this.peek()?.type !== 'rparen') throw invalidQuery("the '(' opened here is never closed; add a ')'", token.pos)
        this.index++
        return inner
      }
      case 'field':
        return this.parseFieldValue(token)
      case 'term':
      case 'phrase':
        return { kind: 'term', field, parts: token.parts, phrase: token.type === 'phrase', position: token.pos }
      case 'range':
        if (!field) throw invalidQuery('a range needs a field, as in created:[1700000000000 TO *]', token.pos)
        return { kind: 'range', field, lower: token.lower, upper: token.upper, includeLower: token.includeLower, includeUpper: token.includeUpper, position: token.pos }
      case 'rparen':
        throw invalidQuery(before?.type === 'lparen' ? "'()' holds nothing" : "')' has no matching '(' or comes right after an operator", token.pos)
      default:
        throw invalidQuery(`'${token.text}' needs a term before it`, token.pos)
    }
  }

  private parseFieldValue(token: Extract<Token, { type: 'field' }>): QueryNode {
    const name = token.name.toLowerCase()
    const value = this.peek()
    // `*:*` is Lucene's "everything".
    if (name === '*' && value?.type === 'term' && value.parts.length === 1 && 'wildcard' in value.parts[0] && value.parts[0].wildcard === '*') {
      this.index++
      return { kind: 'term', field: null, parts: [], phrase: false, position: token.pos }
    }
    if (!this.options.fields.includes(name))
      throw invalidQuery(`unknown field '${token.name}'; known fields: ${this.options.fields.join(', ')}`, token.pos)
    if (!value || !['term', 'phrase', 'range', 'lparen'].includes(value.type))
      throw invalidQuery(`'${token.name}:' must be followed by a value`, token.pos)
    return this.parsePrimary(name)
  }

  /** Runs a nested parse, refusing nesting deep enough to threaten the stack. */
  private nested<T>(parse: () => T, token: Token): T {
    if (++this.depth > MAX_DEPTH) throw invalidQuery(`the query nests more than ${MAX_DEPTH} levels deep`, token.pos)
    try {
      return parse()
    } finally {
      this.depth--
    }
  }
}

function tokenLabel(token: Token): string {
  if ('text' in token) return token.text
  if (token.type === 'field') return `${token.name}:`
  return 'range' === token.type ? 'range' : 'term'
}
