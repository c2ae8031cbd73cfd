import * as N from './names.ts'
import type { Random } from './random.ts'

export type NameStyle = 'latin' | 'accented' | 'apostrophe' | 'hyphen' | 'greek' | 'cyrillic' | 'cjk' | 'arabic'

export interface PersonName {
  style: NameStyle
  firstName: string
  lastName: string
  fullName: string
  /** ASCII romanisation of first and last name, for the username and email. */
  asciiFirst: string
  asciiLast: string
}

// Mostly plain Latin names, with every case the search and the table must handle.
const STYLE_WEIGHTS: Record<NameStyle, number> = {
  latin: 60, accented: 12, apostrophe: 4, hyphen: 5, greek: 4, cyrillic: 5, cjk: 6, arabic: 4,
}

// Letters NFKD does not split into a base letter and a mark.
const NO_DECOMPOSITION: Record<string, string> = { ł: 'l', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe', đ: 'd', ı: 'i', å: 'a' }

/** "Łukasz O'Brien-Núñez" → "lukaszobriennunez": what a username is made of. */
export function asciiFold(text: string): string {
  return text
    .toLowerCase()
    .replace(/[łøßæœđıå]/g, (c) => NO_DECOMPOSITION[c]!)
    .normalize('NFKD')
    .replace(/[^a-z0-9]/g, '')
}

function native(first: N.NativeName, last: N.NativeName, familyFirst: boolean, style: NameStyle): PersonName {
  return {
    style,
    firstName: first[0],
    lastName: last[0],
    fullName: familyFirst ? `${last[0]}${first[0]}` : `${first[0]} ${last[0]}`,
    asciiFirst: asciiFold(first[1]),
    asciiLast: asciiFold(last[1]),
  }
}

function latin(firstName: string, lastName: string, style: NameStyle): PersonName {
  return { style, firstName, lastName, fullName: `${firstName} ${lastName}`, asciiFirst: asciiFold(firstName), asciiLast: asciiFold(lastName) }
}

export function personName(random: Random): PersonName {
  const style = random.weighted(STYLE_WEIGHTS)
  switch (style) {
    case 'latin':
      return latin(random.pick(N.LATIN_FIRST), random.pick(N.LATIN_LAST), style)
    case 'accented':
      return latin(random.chance(0.5) ? random.pick(N.ACCENTED_FIRST) : random.pick(N.LATIN_FIRST), random.pick(N.ACCENTED_LAST), style)
    case 'apostrophe':
      return latin(random.pick(N.LATIN_FIRST), random.pick(N.APOSTROPHE_LAST), style)
    case 'hyphen':
      return random.chance(0.5)
        ? latin(random.pick(N.HYPHEN_FIRST), random.pick(N.LATIN_LAST), style)
        : latin(random.pick(N.LATIN_FIRST), random.pick(N.HYPHEN_LAST), style)
    case 'greek':
      return native(random.pick(N.GREEK_FIRST), random.pick(N.GREEK_LAST), false, style)
    case 'cyrillic':
      return native(random.pick(N.CYRILLIC_FIRST), random.pick(N.CYRILLIC_LAST), false, style)
    case 'cjk':
      return native(random.pick(N.CJK_FIRST), random.pick(N.CJK_LAST), true, style)
    case 'arabic':
      return native(random.pick(N.ARABIC_FIRST), random.pick(N.ARABIC_LAST), false, style)
  }
}
