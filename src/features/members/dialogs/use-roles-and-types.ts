import { useQuery } from '@tanstack/react-query'
import { memberQueries } from '../api/member-queries.ts'

/**
 * Roles and user types, which every fit rule needs; empty until loaded.
 * `freshSeats`: the user types are asked again as the dialog opens (the cached
 * ones show meanwhile), since licenses left change with every other
 * administrator's work and are what the choice depends on.
 */
export function useRolesAndTypes({ freshSeats = false } = {}) {
  const roles = useQuery(memberQueries.roles())
  const userTypes = useQuery({ ...memberQueries.userTypes(), refetchOnMount: freshSeats ? 'always' : true })
  return {
    roles: roles.data ?? [],
    userTypes: userTypes.data ?? [],
    isLoading: roles.isPending || userTypes.isPending,
    error: roles.error ?? userTypes.error,
  }
}
