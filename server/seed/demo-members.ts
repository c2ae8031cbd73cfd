import { wellKnownAccounts } from './demo-accounts.ts'
import { CREATOR_CLASS, DAY, type DemoMember, type DemoRole, YEAR } from './demo-plan.ts'
import { EMAIL_DOMAINS } from './names.ts'
import { type PersonName, personName } from './person.ts'
import { type Random, seededRandom } from './random.ts'
import { planContent } from './demo-content.ts'

const TYPE_WEIGHTS = {
  viewerUT: 22, fieldWorkerUT: 8, editorUT: 12, creatorUT: 43, GISProfessionalBasicUT: 7, GISProfessionalStdUT: 5, GISProfessionalAdvUT: 3,
}
// Roles by user type, so that every role fits its type's ceiling (portal-api.md §7 rule 3).
const EDITOR_ROLES = { dataEditor: 75, viewer: 25 } satisfies Partial<Record<DemoRole, number>>
const CREATOR_ROLES = {
  user: 44, publisher: 30, analyst: 10, viewer: 4, dataEditor: 4, memberManager: 3, administrator: 0.6,
} satisfies Partial<Record<DemoRole, number>>
const PROVIDERS = { arcgis: 82, enterprise: 14, google: 1.5, github: 1, apple: 0.8, facebook: 0.7 }
/** Signed-in members by how long ago: [weight, newest days ago, oldest days ago]. */
const LAST_LOGIN_BUCKETS: [number, number, number][] = [[35, 0, 7], [20, 7, 30], [15, 30, 90], [15, 90, 365], [15, 365, 6 * 365]]
const NEVER_SIGNED_IN = 0.08
const DISABLED_AMONG_SIGNED_IN = 0.075
const MFA_AMONG_BUILT_IN = 0.18
const HISTORY = 6 * YEAR

export interface DemoPlanOptions {
  /** How many demo members (the first administrator is not one of them). */
  count: number
  seed: number
  /** The reference time: every date is relative to it. */
  now: number
  /** Usernames already taken (the first administrator). */
  reserved?: string[]
}

/** The demo members: the well-known accounts first, then generated ones. Same options → same list. */
export function planDemoMembers(options: DemoPlanOptions): DemoMember[] {
  const random = seededRandom(options.seed)
  const taken = new Set((options.reserved ?? []).map((u) => u.toLowerCase()))
  const members = wellKnownAccounts(options.now).filter((m) => !taken.has(m.username.toLowerCase())).slice(0, options.count)
  for (const m of members) taken.add(m.username.toLowerCase())
  while (members.length < options.count) members.push(randomMember(random, options.now, taken))
  planContent(random, members)
  return members
}

function randomMember(random: Random, now: number, taken: Set<string>): DemoMember {
  const name = personName(random)
  const userTypeId = random.weighted(TYPE_WEIGHTS)
  const role: DemoRole =
    userTypeId === 'viewerUT' ? 'viewer' : CREATOR_CLASS.includes(userTypeId) ? random.weighted(CREATOR_ROLES) : random.weighted(EDITOR_ROLES)
  const provider = random.weighted(PROVIDERS)
  const username = uniqueUsername(random, name, provider, taken)
  const local = `${name.asciiFirst}.${name.asciiLast}`
  const email = provider === 'enterprise' ? `${local}@corp.example.com` : `${local}@${random.pick(EMAIL_DOMAINS)}`
  const neverSignedIn = random.chance(NEVER_SIGNED_IN)
  const lastLogin = neverSignedIn ? -1 : signInTime(random, now)
  const newestCreated = (neverSignedIn ? now : lastLogin) - DAY
  const created = Math.floor(newestCreated - random.next() * (newestCreated - (now - HISTORY)))
  return {
    username,
    firstName: name.firstName,
    lastName: name.lastName,
    fullName: name.fullName,
    email,
    role,
    userTypeId,
    provider,
    idpUsername: provider === 'arcgis' ? null : provider === 'enterprise' ? email : String(random.int(10 ** 8, 10 ** 9)),
    // Only a member who has signed in can be disabled (rule 6).
    disabled: !neverSignedIn && random.chance(DISABLED_AMONG_SIGNED_IN),
    // ArcGIS multifactor authentication applies to built-in accounts only.
    mfaEnabled: provider === 'arcgis' && random.chance(MFA_AMONG_BUILT_IN),
    lastLogin,
    created,
    folders: [],
    items: [],
    groups: [],
  }
}

function signInTime(random: Random, now: number): number {
  const weights = Object.fromEntries(LAST_LOGIN_BUCKETS.map(([w], i) => [String(i), w]))
  const [, newest, oldest] = LAST_LOGIN_BUCKETS[Number(random.weighted(weights))]!
  return Math.floor(now - (newest + random.next() * (oldest - newest)) * DAY)
}

/** Usernames as organizations make them: jsmith, john.smith, john_smith42; SAML ones end in the org's key. */
function uniqueUsername(random: Random, name: PersonName, provider: string, taken: Set<string>): string {
  const first = name.asciiFirst || 'member'
  const last = name.asciiLast || 'demo'
  const pattern = random.int(0, 3)
  let base = pattern === 0 ? `${first}.${last}` : pattern === 1 ? `${first[0]}${last}` : pattern === 2 ? `${first}_${last}` : `${last}${first[0]}`
  if (base.length < 6) base = `${base}${random.int(10, 99)}`
  const suffix = provider === 'enterprise' ? '_membersdemo' : ''
  let username = base + suffix
  for (let n = 2; taken.has(username.toLowerCase()); n++) username = `${base}${n}${suffix}`
  taken.add(username.toLowerCase())
  return username
}
