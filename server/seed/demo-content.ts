import { WELL_KNOWN_USERNAMES } from './demo-accounts.ts'
import { CREATOR_CLASS, type DemoMember, type DemoRole } from './demo-plan.ts'
import type { Random } from './random.ts'

const THEMES = ['Street Trees', 'Parcels', 'Flood Zones', 'Bike Lanes', 'Hydrants', 'Zoning', 'Bus Stops', 'Parks', 'Crime Incidents',
  'Sidewalk Survey', 'Storm Drains', 'Building Permits', 'Land Use', 'Traffic Counts', 'School Districts', 'Wetlands']
const QUALIFIERS = ['', ' 2021', ' 2022', ' 2023', ' 2024', ' (draft)', ' – North', ' – South', ' Dashboard', ' Inventory']
const ITEM_TYPES = ['Web Map', 'Feature Service', 'Web Mapping Application', 'Dashboard', 'CSV', 'Map Service', 'StoryMap', 'Vector Tile Service']
const FOLDERS = ['Maps', 'Field Data', 'Projects 2024', 'Archive', 'Dashboards', 'Shared Layers']
const GROUP_NAMES = ['Planning Team', 'GIS Users', 'Field Crew', 'Emergency Management', 'Public Works', 'Open Data', 'Parks & Recreation', 'Transportation']

/** Roles whose holders create content: only they get items and groups. */
const CREATING_ROLES: DemoRole[] = ['user', 'publisher', 'analyst', 'memberManager', 'administrator']
const ITEM_OWNERS = 0.12
const FOLDER_USERS = 0.4
const GROUP_OWNERS = 0.04
const GROUPS_WITH_MEMBERS = 0.6

/**
 * Gives some members items (in the root and in folders) and groups (some with
 * members), in place. Most members own nothing, and the well-known accounts
 * keep exactly what demo-accounts.ts gives them.
 */
export function planContent(random: Random, members: DemoMember[]): void {
  const wellKnown = new Set(WELL_KNOWN_USERNAMES)
  for (const member of members) {
    if (wellKnown.has(member.username) || !CREATOR_CLASS.includes(member.userTypeId) || !CREATING_ROLES.includes(member.role)) continue
    if (random.chance(ITEM_OWNERS)) {
      const folderCount = random.chance(FOLDER_USERS) ? random.int(1, 2) : 0
      const folders: string[] = []
      while (folders.length < folderCount) {
        const title = random.pick(FOLDERS)
        if (!folders.includes(title)) folders.push(title)
      }
      member.folders = folders
      member.items = Array.from({ length: random.int(1, 8) }, () => ({
        title: `${random.pick(THEMES)}${random.pick(QUALIFIERS)}`,
        type: random.pick(ITEM_TYPES),
        folder: folders.length && random.chance(0.5) ? random.pick(folders) : null,
        size: random.int(10_000, 50_000_000),
      }))
    }
    if (random.chance(GROUP_OWNERS)) {
      member.groups = Array.from({ length: random.int(1, 2) }, () => ({
        title: `${random.pick(GROUP_NAMES)} ${random.int(1, 40)}`,
        members: random.chance(GROUPS_WITH_MEMBERS) ? groupMembers(random, members, member.username) : [],
      }))
    }
  }
}

function groupMembers(random: Random, members: DemoMember[], owner: string): string[] {
  const chosen = new Set<string>()
  const wanted = Math.min(random.int(2, 12), members.length - 1)
  for (let tries = 0; chosen.size < wanted && tries < wanted * 4; tries++) {
    const candidate = random.pick(members).username
    if (candidate !== owner) chosen.add(candidate)
  }
  return [...chosen]
}
