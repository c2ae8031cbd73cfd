import { DAY, type DemoMember, type DemoRole } from './demo-plan.ts'

interface AccountSpec {
  username: string
  firstName: string
  lastName: string
  role: DemoRole
  userTypeId: string
  /** Days since the last sign-in; null = never signed in. */
  lastLoginDaysAgo: number | null
  createdDaysAgo: number
  extra?: Partial<DemoMember>
}

// The well-known accounts, documented at the top of demo.ts. Tests and the
// browser suite rely on these exact usernames and traits.
const SPECS: AccountSpec[] = [
  { username: 'admin2', firstName: 'Grace', lastName: 'Hopper', role: 'administrator', userTypeId: 'creatorUT', lastLoginDaysAgo: 1, createdDaysAgo: 2000 },
  { username: 'admin3', firstName: 'Alan', lastName: 'Turing', role: 'administrator', userTypeId: 'GISProfessionalStdUT', lastLoginDaysAgo: 12, createdDaysAgo: 1500, extra: { mfaEnabled: true } },
  { username: 'admin4', firstName: 'Ada', lastName: 'Lovelace', role: 'administrator', userTypeId: 'creatorUT', lastLoginDaysAgo: 45, createdDaysAgo: 900 },
  { username: 'manager', firstName: 'Mia', lastName: 'Manager', role: 'memberManager', userTypeId: 'creatorUT', lastLoginDaysAgo: 2, createdDaysAgo: 700 },
  { username: 'publisher1', firstName: 'Pat', lastName: "O'Brien", role: 'publisher', userTypeId: 'creatorUT', lastLoginDaysAgo: 3, createdDaysAgo: 1200 },
  { username: 'publisher2', firstName: 'Paula', lastName: 'Smith-Jones', role: 'publisher', userTypeId: 'creatorUT', lastLoginDaysAgo: 20, createdDaysAgo: 400 },
  { username: 'user1', firstName: 'Uma', lastName: 'Ustinova', role: 'user', userTypeId: 'creatorUT', lastLoginDaysAgo: 5, createdDaysAgo: 300 },
  { username: 'analyst1', firstName: 'Ana', lastName: 'García', role: 'analyst', userTypeId: 'creatorUT', lastLoginDaysAgo: 8, createdDaysAgo: 250 },
  { username: 'viewer1', firstName: 'Vic', lastName: 'Viewer', role: 'viewer', userTypeId: 'viewerUT', lastLoginDaysAgo: 30, createdDaysAgo: 600 },
  { username: 'editor1', firstName: 'Eddie', lastName: 'Editor', role: 'dataEditor', userTypeId: 'editorUT', lastLoginDaysAgo: 6, createdDaysAgo: 500 },
  { username: 'fieldworker1', firstName: 'Fiona', lastName: 'Field', role: 'dataEditor', userTypeId: 'fieldWorkerUT', lastLoginDaysAgo: 4, createdDaysAgo: 450 },
  { username: 'never1', firstName: 'Nora', lastName: 'Never', role: 'user', userTypeId: 'creatorUT', lastLoginDaysAgo: null, createdDaysAgo: 10 },
  { username: 'disabled1', firstName: 'Dan', lastName: 'Disabled', role: 'user', userTypeId: 'creatorUT', lastLoginDaysAgo: 200, createdDaysAgo: 1000, extra: { disabled: true } },
  { username: 'sso1', firstName: 'Sam', lastName: 'Single', role: 'user', userTypeId: 'creatorUT', lastLoginDaysAgo: 2, createdDaysAgo: 800, extra: { provider: 'enterprise', idpUsername: 'sam.single@corp.example.com', email: 'sam.single@corp.example.com', mfaEnabled: false } },
  { username: 'pro1', firstName: 'Pia', lastName: 'Professional', role: 'publisher', userTypeId: 'GISProfessionalAdvUT', lastLoginDaysAgo: 9, createdDaysAgo: 1100 },
]

export const WELL_KNOWN_USERNAMES = SPECS.map((s) => s.username)

/** The well-known accounts. publisher1 owns two root items, a folder "Maps" with two more, and a group with members. */
export function wellKnownAccounts(now: number): DemoMember[] {
  return SPECS.map((spec) => ({
    username: spec.username,
    firstName: spec.firstName,
    lastName: spec.lastName,
    fullName: `${spec.firstName} ${spec.lastName}`,
    email: `${spec.username}@example.com`,
    role: spec.role,
    userTypeId: spec.userTypeId,
    provider: 'arcgis',
    idpUsername: null,
    disabled: false,
    mfaEnabled: false,
    lastLogin: spec.lastLoginDaysAgo === null ? -1 : now - spec.lastLoginDaysAgo * DAY,
    created: now - spec.createdDaysAgo * DAY,
    folders: spec.username === 'publisher1' ? ['Maps'] : [],
    items:
      spec.username === 'publisher1'
        ? [
            { title: 'Street Trees', type: 'Feature Service', folder: null, size: 2_400_000 },
            { title: 'City Overview', type: 'Web Map', folder: null, size: 12_000 },
            { title: 'Parcels 2024', type: 'Web Map', folder: 'Maps', size: 15_000 },
            { title: 'Flood Zones', type: 'Feature Service', folder: 'Maps', size: 5_800_000 },
          ]
        : [],
    groups: spec.username === 'publisher1' ? [{ title: 'Publishing Team', members: ['user1', 'analyst1', 'viewer1', 'editor1'] }] : [],
    ...spec.extra,
  }))
}
