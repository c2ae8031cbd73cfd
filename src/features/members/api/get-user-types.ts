import { USER_TYPES } from '../../../first-screen/first-screen-reads.ts'
import { portalRequest } from '../../../lib/portal-client.ts'
import type { UserType } from '../types.ts'

export interface UserTypesResponse {
  userLicenseTypes: {
    id: string
    name: string
    description?: string
    privileges?: string[]
    maxUsers?: number
    assignedUsers?: number
  }[]
}

export async function getUserTypes(signal?: AbortSignal): Promise<UserType[]> {
  return userTypesFrom(await portalRequest<UserTypesResponse>(USER_TYPES.path, USER_TYPES.params, { method: 'GET', signal }))
}

/** The console's user types from a `portals/self/userLicenseTypes` answer (also used on the server for the first screen). */
export function userTypesFrom(response: UserTypesResponse): UserType[] {
  return (response.userLicenseTypes ?? []).map((type) => {
    const privileges = type.privileges ?? []
    return {
      id: type.id,
      name: type.name,
      description: type.description ?? '',
      privileges,
      maxUsers: type.maxUsers,
      assignedUsers: type.assignedUsers,
      // Extension data: a real ArcGIS portal sends no ceiling, so leave it unknown there.
      canOwnContent: privileges.length ? privileges.includes('portal:user:createItem') : undefined,
    }
  })
}
