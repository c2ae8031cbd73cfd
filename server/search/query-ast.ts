/**
 * The parsed form of a `q` query (portal-api.md §4). Positions are 1-based
 * character offsets into the query, so errors found while compiling can still
 * say where the problem is.
 */
export type QueryNode = AndNode | OrNode | NotNode | TermNode | RangeNode

export interface AndNode {
  kind: 'and'
  children: QueryNode[]
}

export interface OrNode {
  kind: 'or'
  children: QueryNode[]
}

export interface NotNode {
  kind: 'not'
  child: QueryNode
}

/** A piece of a term: literal text, or a wildcard (`*` any run of characters, `?` one character). */
export type TermPart = { text: string } | { wildcard: '*' | '?' }

export interface TermNode {
  kind: 'term'
  /** Lower-cased field name, or null for a bare term (name and email words). */
  field: string | null
  parts: TermPart[]
  /** Written in double quotes. */
  phrase: boolean
  position: number
}

export interface RangeNode {
  kind: 'range'
  field: string
  /** null: open (`*`). */
  lower: string | null
  upper: string | null
  includeLower: boolean
  includeUpper: boolean
  position: number
}

/** The text of a term with wildcards written back as `*` and `?` (for messages). */
export function termText(parts: TermPart[]): string {
  return parts.map((p) => ('text' in p ? p.text : p.wildcard)).join('')
}

export const hasWildcard = (parts: TermPart[]) => parts.some((p) => 'wildcard' in p)

/** Splits plain text on `*` and `?` (filters of the plain list take wildcards too). */
export function partsOf(text: string): TermPart[] {
  const parts: TermPart[] = []
  for (const piece of text.split(/([*?])/)) {
    if (piece === '*' || piece === '?') parts.push({ wildcard: piece })
    else if (piece) parts.push({ text: piece })
  }
  return parts
}
