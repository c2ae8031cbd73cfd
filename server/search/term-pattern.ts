import type { TermPart } from './query-ast.ts'

/**
 * Folds text exactly as searchKey (keys.ts) does — accents dropped, lower
 * case, every run of characters other than letters and digits turned into
 * one space — but without trimming, so pieces between wildcards keep the
 * word boundaries they touch.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
}

/** Escapes LIKE's own characters so they match themselves (backslash is LIKE's default escape). */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`)

/**
 * The LIKE pattern for a term over a search-key column, or null when the
 * term matches every row (`*`, or text with no letters or digits).
 *
 * Keys hold words separated by single spaces after a leading space, so
 * `'% smi%'` is "some word starts with smi". A term is matched from the start
 * of a word unless it begins with `*` (then anywhere); it may end anywhere
 * (`smi` = `smi*`). `?` is one character. A phrase is its words in order.
 */
export function keyPattern(parts: TermPart[]): string | null {
  let body = ''
  for (const part of parts) body += 'text' in part ? escapeLike(foldText(part.text)) : part.wildcard === '*' ? '%' : '_'
  body = body.replace(/ {2,}/g, ' ').replace(/%+/g, '%').replace(/^ +| +$/g, '')
  if (body.replace(/%/g, '') === '') return null
  const start = body.startsWith('%') ? '' : '% '
  const end = body.endsWith('%') ? '' : '%'
  return start + body + end
}

/** A LIKE pattern for a raw value with wildcards (ids and keywords: no folding). */
export function rawPattern(parts: TermPart[]): string {
  return parts.map((p) => ('text' in p ? escapeLike(p.text) : p.wildcard === '*' ? '%' : '_')).join('')
}
