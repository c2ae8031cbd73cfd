/**
 * Search keys: how names are stored for search and sort. Lower-cased, accents
 * folded ("José" → "jose"), every run of separators (space . @ _ - ' , etc.)
 * turned into one space, with a leading space. "A word starts with t" is then
 * `key LIKE '% t%'`, which pg_trgm's GIN index answers, in any script.
 */
export function searchKey(text: string): string {
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
  return folded ? ` ${folded}` : ''
}

export interface NameFields {
  username: string
  fullName: string
  firstName: string
  lastName: string
  email: string
}

/** The key columns of a users row, in the order of the table's columns. */
export function userSearchKeys(user: NameFields) {
  const keys = {
    username_key: searchKey(user.username),
    full_name_key: searchKey(user.fullName),
    first_name_key: searchKey(user.firstName),
    last_name_key: searchKey(user.lastName),
    email_key: searchKey(user.email),
  }
  return {
    ...keys,
    search_key: [keys.username_key, keys.full_name_key, keys.first_name_key, keys.last_name_key, keys.email_key].join(''),
  }
}
