/**
 * Where the selection is kept in sessionStorage, per organization and
 * administrator: `members-console.selection:<orgId>:<username>`. Its own
 * module, free of imports, so the bulk benchmarks write the one name the
 * console reads.
 */
export const SELECTION_STORAGE_KEY = 'members-console.selection'

/** The key of `username`'s selection in organization `orgId`. */
export function selectionStorageKey(orgId: string, username: string, base = SELECTION_STORAGE_KEY): string {
  return `${base}:${orgId}:${username.toLowerCase()}`
}
