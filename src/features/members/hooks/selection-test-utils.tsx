// Shared by the selection and runner tests: a provider tree as the Members page has it.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { type Session, SessionProvider } from '../../../lib/session.tsx'
import type { MemberSummary } from './use-member-selection.ts'
import { MemberSelectionProvider } from './use-member-selection.ts'

export function member(username: string, fields: Partial<MemberSummary> = {}): MemberSummary {
  return {
    username,
    fullName: `Full ${username}`,
    email: `${username}@example.com`,
    role: 'org_user',
    userLicenseTypeId: 'creatorUT',
    disabled: false,
    lastLogin: 1_700_000_000_000,
    provider: 'arcgis',
    mfaEnabled: false,
    created: 1_600_000_000_000,
    ...fields,
  }
}

export const members = (count: number, prefix = 'm') => Array.from({ length: count }, (_, i) => member(`${prefix}${String(i).padStart(3, '0')}`))

export const ADMIN_PRIVILEGES = [
  'viewUsers', 'updateUsers', 'deleteUsers', 'disableUsers', 'changeUserRoles', 'manageLicenses',
  'reassignUsers', 'reassignItems', 'reassignGroups', 'viewItems', 'viewGroups', 'inviteUsers',
].map((p) => `portal:admin:${p}`)

export const fullAdminSession: Session = {
  username: 'admin',
  fullName: 'Ada Admin',
  orgId: 'org1',
  orgName: 'Test Org',
  role: 'org_admin',
  privileges: new Set(ADMIN_PRIVILEGES),
  isFullAdmin: true,
  userLicenseTypeId: 'creatorUT',
  signOut: async () => {},
}

/** Where the provider saves the selection for this session. */
export const storageKeyFor = (key: string, session = fullAdminSession) => `${key}:${session.orgId}:${session.username}`

interface ProvidersProps {
  children: ReactNode
  storageKey: string
  queryClient: QueryClient
  session: Session
}

function TestProviders({ children, storageKey, queryClient, session }: ProvidersProps) {
  return (
    <QueryClientProvider client={queryClient}>
      <SessionProvider session={session}>
        <MemberSelectionProvider storageKey={storageKey}>{children}</MemberSelectionProvider>
      </SessionProvider>
    </QueryClientProvider>
  )
}

export function makeWrapper(storageKey: string, queryClient = new QueryClient(), session = fullAdminSession) {
  return ({ children }: { children: ReactNode }) => (
    <TestProviders storageKey={storageKey} queryClient={queryClient} session={session}>
      {children}
    </TestProviders>
  )
}
