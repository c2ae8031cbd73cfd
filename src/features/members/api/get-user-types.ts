import { portalRequest } from '../../../lib/portal-client.ts'
import type { UserType } from '../types.ts'

interface UserTypesResponse {
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
  const response = await portalRequest<UserTypesResponse>(
    'portals/self/userLicenseTypes',
    { start: 1, num: 100 },
    { method: 'GET', signal },
  )
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
