import { useQuery } from '@tanstack/react-query'
import { memberQueries } from '../api/member-queries.ts'

/** Roles and user types, which every fit rule needs; empty until loaded. */
export function useRolesAndTypes() {
  const roles = useQuery(memberQueries.roles())
  const userTypes = useQuery(memberQueries.userTypes())
  return {
    roles: roles.data ?? [],
    userTypes: userTypes.data ?? [],
    isLoading: roles.isPending || userTypes.isPending,
    error: roles.error ?? userTypes.error,
  }
}
