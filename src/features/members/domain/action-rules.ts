import { type ActorFacts, hasNeverSignedIn, isAdministrator, isSelf, type MemberFacts } from './member-facts.ts'

/**
 * Who an action applies to, and in plain words why not (portal-api.md §7).
 * Each returns null when the action applies. The portal enforces the same
 * rules; saying them first means nobody sends a request doomed to fail.
 */
export type SkipRule = (actor: ActorFacts, member: MemberFacts) => string | null

const onlyFullAdmin = (actor: ActorFacts, member: MemberFacts, verb: string) =>
  !isSelf(actor, member) && isAdministrator(member) && !actor.isFullAdmin
    ? `Only a full administrator can ${verb} an administrator.`
    : null

export const whyCannotDisable: SkipRule = (actor, member) => {
  if (member.disabled) return 'Already disabled.'
  if (isSelf(actor, member)) return 'You cannot disable yourself.'
  return (
    onlyFullAdmin(actor, member, 'disable') ??
    (hasNeverSignedIn(member) ? 'Has never signed in; only members who have signed in can be disabled.' : null)
  )
}

export const whyCannotEnable: SkipRule = (_actor, member) => (member.disabled ? null : 'Already enabled.')

const PROVIDER_NAMES: Record<string, string> = {
  enterprise: 'their organization (SSO)',
  google: 'Google',
  github: 'GitHub',
  apple: 'Apple',
  facebook: 'Facebook',
}

export const whyCannotResetPassword: SkipRule = (actor, member) => {
  if (member.provider !== 'arcgis')
    return `Signs in through ${PROVIDER_NAMES[member.provider] ?? member.provider}; their password is managed there.`
  // The portal refuses it too (PASSWORD_CURRENT_REQUIRED); the console has no page to change your own password.
  if (isSelf(actor, member)) return 'You cannot reset your own password: the portal changes it only with your current one.'
  return onlyFullAdmin(actor, member, 'reset the password of')
}

/** Before a type is picked: what rules out every type (the plan, user-type-plan.ts, adds the type's own rules). */
export const whyCannotChangeUserType: SkipRule = (actor, member) => onlyFullAdmin(actor, member, 'change the user type of')

export const whyCannotDelete: SkipRule = (actor, member) => {
  if (isSelf(actor, member)) return 'You cannot delete yourself.'
  return onlyFullAdmin(actor, member, 'delete')
}

export interface Skipped<M> {
  member: M
  reason: string
}

/** Splits members into those the action applies to and those skipped, with why. */
export function partitionMembers<M extends MemberFacts>(
  actor: ActorFacts,
  members: readonly M[],
  rule: SkipRule,
): { eligible: M[]; skipped: Skipped<M>[] } {
  const eligible: M[] = []
  const skipped: Skipped<M>[] = []
  for (const member of members) {
    const reason = rule(actor, member)
    if (reason) skipped.push({ member, reason })
    else eligible.push(member)
  }
  return { eligible, skipped }
}
