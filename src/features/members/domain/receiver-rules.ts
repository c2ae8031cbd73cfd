import { canOwnContent, type MemberFacts, type UserTypeFacts } from './member-facts.ts'

/**
 * Rule 9 (portal-api.md §7): content moves only to an enabled member of the
 * organization who is not being deleted and whose user type can own content.
 */
export function whyCannotReceive(
  candidate: MemberFacts,
  deleting: ReadonlySet<string>,
  userTypes: readonly UserTypeFacts[],
): string | null {
  if (deleting.has(candidate.username.toLowerCase())) return 'Is being deleted.'
  if (candidate.disabled) return 'Is disabled.'
  const type = userTypes.find((t) => t.id === candidate.userLicenseTypeId)
  if (type && !canOwnContent(type)) return `${type.name} members cannot own content.`
  return null
}
