import type { Caller } from '../auth/caller.ts'
import type { Queryable } from '../db/connection.ts'
import type { UserRow } from '../db/users.ts'
import { notPermitted } from '../http/errors.ts'
import { userSearchKeys } from '../search/keys.ts'
import { checkActOnMember } from './admin-rules.ts'
import type { ChangeOutcome } from './member-change.ts'
import { applyProfileEdits, type ProfileFields, profileDiff } from './profile-rules.ts'

const profileOf = (u: UserRow): ProfileFields => ({
  fullName: u.full_name,
  firstName: u.first_name,
  lastName: u.last_name,
  email: u.email,
  description: u.description,
  culture: u.culture,
  region: u.region,
  units: u.units,
  tags: u.tags,
})

/**
 * Edits a member's profile: the member themself, or an administrator with
 * portal:admin:updateUsers (only a full administrator edits another
 * administrator, rule 1). The search-key columns change with the names.
 */
export async function applyProfileUpdate(
  tx: Queryable,
  actor: Caller,
  target: UserRow,
  edits: Partial<ProfileFields>,
): Promise<ChangeOutcome<string>> {
  if (actor.userId !== target.id) {
    if (!actor.privileges.has('portal:admin:updateUsers')) throw notPermitted()
    checkActOnMember(actor, target, 'update')
  }
  const before = profileOf(target)
  const next = applyProfileEdits(before, edits)
  const diff = profileDiff(before, next)
  if (Object.keys(diff.after).length === 0) return { noop: true, result: target.username }
  const keys = userSearchKeys({ username: target.username, ...next })
  await tx.query(
    `update users set full_name = $1, first_name = $2, last_name = $3, email = $4, description = $5, culture = $6,
            region = $7, units = $8, tags = $9, modified = $10, full_name_key = $11, first_name_key = $12,
            last_name_key = $13, email_key = $14, search_key = $15
      where id = $16`,
    [
      next.fullName, next.firstName, next.lastName, next.email, next.description, next.culture, next.region, next.units,
      next.tags, Date.now(), keys.full_name_key, keys.first_name_key, keys.last_name_key, keys.email_key, keys.search_key,
      target.id,
    ],
  )
  return { ...diff, result: target.username }
}
