import type { TermPart } from './query-ast.ts'
import { invalidQuery } from './query-errors.ts'

export type Token =
  | { type: 'lparen' | 'rparen' | 'and' | 'or' | 'not' | 'plus' | 'minus'; pos: number; text: string }
  | { type: 'field'; pos: number; name: string }
  | { type: 'term' | 'phrase'; pos: number; parts: TermPart[] }
  | { type: 'range'; pos: number; lower: string | null; upper: string | null; includeLower: boolean; includeUpper: boolean }

/** Characters that end a bare term (Lucene's reserved characters we give meaning to). */
const TERM_END = new Set([' ', '\t', '\n', '\r', '(', ')', '[', ']', '{', '}', '"', '^', '~', ':'])
const isSpace = (ch: string) => /\s/.test(ch)

/**
 * Splits a query into tokens. Lucene rules, simplified: `+`/`-`/`!` are
 * operators only where a term would start (so `jean-luc` is one term) and
 * not right after `field:` (so `lastlogin:-1` is a value); `AND`, `OR`, `NOT`
 * are operators only in upper case; `\` escapes the next character;
 * boosts (`^2`, emitted by SearchQueryBuilder) are accepted and ignored,
 * since results are sorted by a field, not by relevance.
 */
export function tokenize(query: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  let afterField = false
  while (i < query.length) {
    const ch = query[i]
    const pos = i + 1
    if (isSpace(ch)) {
      i++
      continue
    }
    const valueExpected = afterField
    afterField = false
    if (ch === '(' || ch === ')') {
      tokens.push({ type: ch === '(' ? 'lparen' : 'rparen', pos, text: ch })
      i++
    } else if (ch === '"') {
      i = readPhrase(query, i, tokens)
    } else if (ch === '[' || ch === '{') {
      i = readRange(query, i, tokens)
    } else if (ch === ']' || ch === '}') {
      throw invalidQuery(`'${ch}' closes a range that was never opened`, pos)
    } else if (ch === '^') {
      i = skipBoost(query, i, tokens)
    } else if (ch === '~') {
      throw invalidQuery('fuzzy and proximity searches (~) are not supported', pos)
    } else if (ch === ':') {
      throw invalidQuery("':' needs a field name right before it, as in username:jsmith", pos)
    } else if (!valueExpected && (query.startsWith('&&', i) || query.startsWith('||', i))) {
      tokens.push({ type: ch === '&' ? 'and' : 'or', pos, text: query.slice(i, i + 2) })
      i += 2
    } else if (!valueExpected && (ch === '+' || ch === '-' || ch === '!')) {
      const next = query[i + 1]
      if (next === undefined || isSpace(next)) throw invalidQuery(`'${ch}' must be followed directly by a term, as in ${ch}disabled:true`, pos)
      tokens.push({ type: ch === '+' ? 'plus' : ch === '-' ? 'minus' : 'not', pos, text: ch })
      i++
    } else {
      const read = readTerm(query, i)
      i = read.end
      if (query[i] === ':') {
        tokens.push({ type: 'field', pos, name: read.raw })
        i++
        afterField = true
      } else if (!read.escaped && (read.raw === 'AND' || read.raw === 'OR' || read.raw === 'NOT')) {
        tokens.push({ type: read.raw.toLowerCase() as 'and' | 'or' | 'not', pos, text: read.raw })
      } else {
        tokens.push({ type: 'term', pos, parts: read.parts })
      }
    }
  }
  return tokens
}

/** A bare term from `start`: text with `\` escapes and `*`/`?` wildcards. */
function readTerm(query: string, start: number) {
  const parts: TermPart[] = []
  let text = ''
  let raw = ''
  let escaped = false
  let i = start
  const flush = () => {
    if (text) parts.push({ text })
    text = ''
  }
  while (i < query.length && !TERM_END.has(query[i]) && !isSpace(query[i])) {
    const ch = query[i]
    if (ch === '\\') {
      if (i + 1 >= query.length) throw invalidQuery("a '\\' at the end escapes nothing", i + 1)
      text += query[i + 1]
      raw += query[i + 1]
      escaped = true
      i += 2
      continue
    }
    if (ch === '*' || ch === '?') {
      flush()
      parts.push({ wildcard: ch })
    } else text += ch
    raw += ch
    i++
  }
  flush()
  return { parts, raw, escaped, end: i }
}

function readPhrase(query: string, start: number, tokens: Token[]): number {
  const parts: TermPart[] = []
  let text = ''
  let i = start + 1
  while (i < query.length && query[i] !== '"') {
    const ch = query[i]
    if (ch === '\\' && i + 1 < query.length) {
      text += query[i + 1]
      i += 2
      continue
    }
    if (ch === '*' || ch === '?') {
      if (text) parts.push({ text })
      text = ''
      parts.push({ wildcard: ch })
    } else text += ch
    i++
  }
  if (i >= query.length) throw invalidQuery('the quote opened here is never closed; add a closing "', start + 1)
  if (text) parts.push({ text })
  tokens.push({ type: 'phrase', pos: start + 1, parts })
  return i + 1
}

/** `[a TO b]` (inclusive) or `{a TO b}` (exclusive); a bound of `*` is open. */
function readRange(query: string, start: number, tokens: Token[]): number {
  const pos = start + 1
  const words: { text: string; quoted: boolean }[] = []
  let i = start + 1
  while (i < query.length && query[i] !== ']' && query[i] !== '}') {
    const ch = query[i]
    if (isSpace(ch)) {
      i++
    } else if (ch === '[' || ch === '{') {
      throw invalidQuery(`a range cannot contain another '${ch}'`, i + 1)
    } else if (ch === '"') {
      const close = query.indexOf('"', i + 1)
      if (close < 0) throw invalidQuery('the quote opened here is never closed; add a closing "', i + 1)
      words.push({ text: query.slice(i + 1, close), quoted: true })
      i = close + 1
    } else {
      let word = ''
      while (i < query.length && !isSpace(query[i]) && !']}[{"'.includes(query[i])) word += query[i++]
      words.push({ text: word, quoted: false })
    }
  }
  if (i >= query.length) throw invalidQuery(`the range opened here is never closed; end it with ']' or '}'`, pos)
  if (words.length !== 3 || words[1].quoted || words[1].text !== 'TO')
    throw invalidQuery('a range must read [from TO to] or {from TO to}, with TO in capitals', pos)
  const bound = (w: { text: string; quoted: boolean }) => (w.text === '*' && !w.quoted ? null : w.text)
  tokens.push({
    type: 'range',
    pos,
    lower: bound(words[0]),
    upper: bound(words[2]),
    includeLower: query[start] === '[',
    includeUpper: query[i] === ']',
  })
  return i + 1
}

function skipBoost(query: string, start: number, tokens: Token[]): number {
  const previous = tokens.at(-1)
  const boost = /^\^\d+(\.\d+)?/.exec(query.slice(start))
  const boostable = previous && ['term', 'phrase', 'range', 'rparen'].includes(previous.type) && !isSpace(query[start - 1] ?? ' ')
  if (!boost || !boostable) throw invalidQuery("'^' boosts the term right before it and needs a number, as in title:lake^2", start + 1)
  return start + boost[0].length
}
