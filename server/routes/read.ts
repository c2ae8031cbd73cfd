import type { Hono } from 'hono'
import type { AppEnv } from '../http/context.ts'
import { registerGetCommunitySelf } from './community/get-community-self.ts'
import { registerGetUser } from './community/get-user.ts'
import { registerSearchCommunityUsers } from './community/search-community-users.ts'
import { registerFirstScreen } from './console/first-screen.ts'
import { registerGetUserContent } from './content/get-user-content.ts'
import { registerSearchGroups } from './groups/search-groups.ts'
import { registerGetPortalSelf } from './portals/get-portal-self.ts'
import { registerGetUserCounts } from './portals/get-user-counts.ts'
import { registerListOrgUsers } from './portals/list-org-users.ts'
import { registerListRoles } from './portals/list-roles.ts'
import { registerListUserLicenseTypes } from './portals/list-user-license-types.ts'
import { registerSearchOrgUsers } from './portals/search-org-users.ts'

/** The read side of the Sharing REST API: GET, and POST for clients that send long queries in a body. */
export function registerReadRoutes(api: Hono<AppEnv>) {
  registerGetPortalSelf(api)
  registerGetCommunitySelf(api)
  registerListRoles(api)
  registerListUserLicenseTypes(api)
  registerGetUserCounts(api)
  registerSearchOrgUsers(api)
  registerListOrgUsers(api)
  registerSearchCommunityUsers(api)
  registerGetUser(api)
  registerGetUserContent(api)
  registerSearchGroups(api)
  registerFirstScreen(api)
}
