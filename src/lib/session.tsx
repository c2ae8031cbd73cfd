import { createContext, type ReactNode, useContext } from 'react'
import { COMMUNITY_SELF, PORTAL_SELF } from '../first-screen/first-screen-reads.ts'
import { portalRequest } from './portal-client.ts'

/** Who is signed in, and in which organization. */
export interface Session {
  username: string
  fullName: string
  orgId: string
  orgName: string
  role: string
  roleId?: string
  privileges: Set<string>
  /** role == 'org_admin' with no custom roleId (portal-api.md §7). */
  isFullAdmin: boolean
  userLicenseTypeId: string
  /** Read again because the portal refused a privilege this session had: the role changed while signed in. */
  accessChanged?: boolean
  signOut(): Promise<void>
}

export interface PortalSelf {
  id: string
  name: string
}

export interface CommunitySelf {
  username: string
  fullName?: string
  orgId?: string
  role?: string
  roleId?: string
  privileges?: string[]
  userLicenseTypeId?: string
}

/** Reads the signed-in member and their organization (both calls run at once). */
export async function loadSession(signOut: () => Promise<void>, signal?: AbortSignal): Promise<Session> {
  const [portal, self] = await Promise.all([
    portalRequest<PortalSelf>(PORTAL_SELF.path, PORTAL_SELF.params, { method: 'GET', signal }),
    portalRequest<CommunitySelf>(COMMUNITY_SELF.path, COMMUNITY_SELF.params, { method: 'GET', signal }),
  ])
  return sessionFrom(portal, self, signOut)
}

/** The member's organization: community/self says it; a portal that does not, is the organization. */
export function orgIdOf(portal: PortalSelf, self: CommunitySelf): string {
  return self.orgId ?? portal.id
}

/** The session from `portals/self` and `community/self` answers (also used on the server for the first screen). */
export function sessionFrom(portal: PortalSelf, self: CommunitySelf, signOut: () => Promise<void>): Session {
  const role = self.role ?? ''
  return {
    username: self.username,
    fullName: self.fullName || self.username,
    orgId: orgIdOf(portal, self),
    orgName: portal.name,
    role,
    roleId: self.roleId || undefined,
    privileges: new Set(self.privileges ?? []),
    isFullAdmin: role === 'org_admin' && !self.roleId,
    userLicenseTypeId: self.userLicenseTypeId ?? '',
    signOut,
  }
}

/** Whether two reads of the session allow the same things. */
export function sameAccess(a: Session, b: Session): boolean {
  return a.role === b.role && a.roleId === b.roleId && a.privileges.size === b.privileges.size && [...a.privileges].every((p) => b.privileges.has(p))
}

const SessionContext = createContext<Session | null>(null)

export function SessionProvider({ session, children }: { session: Session; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>
}

/** The signed-in session; only used below the app's sign-in gate. */
export function useSession(): Session {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession must be used inside SessionProvider (after sign-in)')
  return session
}

export const VIEW_USERS = 'portal:admin:viewUsers'
