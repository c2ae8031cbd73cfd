/** The shape of a planned demo member, before it has ids: pure data, the same for the same seed. */

/** Which role a demo member holds; resolved to role + roleId when the organization exists. */
export type DemoRole = 'administrator' | 'publisher' | 'user' | 'viewer' | 'dataEditor' | 'memberManager' | 'analyst'

export interface DemoItem {
  title: string
  type: string
  /** Title of one of the owner's folders; null = the root folder. */
  folder: string | null
  size: number
}

export interface DemoGroup {
  title: string
  /** Usernames of the members other than the owner. */
  members: string[]
}

export interface DemoMember {
  username: string
  firstName: string
  lastName: string
  fullName: string
  email: string
  role: DemoRole
  userTypeId: string
  provider: 'arcgis' | 'enterprise' | 'google' | 'github' | 'apple' | 'facebook'
  idpUsername: string | null
  disabled: boolean
  mfaEnabled: boolean
  /** Epoch ms; -1 = never signed in. */
  lastLogin: number
  created: number
  folders: string[]
  items: DemoItem[]
  groups: DemoGroup[]
}

export const DAY = 86_400_000
export const YEAR = 365 * DAY

/** User types whose members may own items and groups (canOwnContent). */
export const CREATOR_CLASS = ['creatorUT', 'GISProfessionalBasicUT', 'GISProfessionalStdUT', 'GISProfessionalAdvUT']
