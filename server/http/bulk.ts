import { badRequest, PortalError } from './errors.ts'
import { type Params, parseList } from './params.ts'

export const MAX_BULK_MEMBERS = 100

/** One member's outcome in a bulk call (portal-api.md §6). */
export interface MemberResult {
  username: string
  status: 'success' | 'failure'
  error?: { code: number; messageCode: string; message: string; details: unknown[] }
}

/** The `users` list of a bulk call: 1 to 100 names, duplicates (in any case) dropped. */
export function parseUsernames(params: Params, name = 'users'): string[] {
  const names = parseList(params[name])
  if (names.length === 0) throw badRequest('MISSING_PARAMETER', `'${name}' is required: one or more usernames.`)
  const unique = [...new Map(names.map((n) => [n.toLowerCase(), n])).values()]
  if (unique.length > MAX_BULK_MEMBERS)
    throw badRequest(
      'TOO_MANY_USERS',
      `At most ${MAX_BULK_MEMBERS} members can be changed in one call; ${unique.length} were sent. Split the list.`,
    )
  return unique
}

/**
 * Runs one step per member, one after another, each in its own transaction
 * (the step opens it), so one member's failure never undoes or blocks another's.
 */
export async function forEachMember(usernames: string[], step: (username: string) => Promise<void>): Promise<MemberResult[]> {
  const results: MemberResult[] = []
  for (const username of usernames) {
    try {
      await step(username)
      results.push({ username, status: 'success' })
    } catch (error) {
      if (!(error instanceof PortalError)) console.error(error)
      const portalError =
        error instanceof PortalError ? error : new PortalError(500, 'INTERNAL_ERROR', 'An unexpected error occurred. Try again.')
      results.push({ username, status: 'failure', error: portalError.toJSON().error })
    }
  }
  return results
}
