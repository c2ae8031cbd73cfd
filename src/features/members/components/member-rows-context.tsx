import { useQuery, useQueryClient } from '@tanstack/react-query'
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react'
import { announce } from '../../../lib/announce.ts'
import { memberQueries } from '../api/member-queries.ts'
import { updateUserRole } from '../api/update-user-role.ts'
import type { Role, UserType } from '../types.ts'

/** A role change sent from a row's dropdown: shown as chosen while it is sent, then its error if it failed. */
export interface RoleChange {
  pending?: string
  error?: Error
}

/** An error belongs to the page it happened on (`pageKey`): once that page is left, it is gone. */
type RoleChangeState = RoleChange & { page: string }

/**
 * What every row of the table reads: the organization's roles and user types
 * and the role changes in flight. Looked up once for the table, not per row:
 * a query observer or mutation per cell made "Next page" spend most of its
 * time subscribing and unsubscribing 75 observers (bench/README.md).
 */
export interface MemberRows {
  roles: readonly Role[]
  userTypes: readonly UserType[]
  roleChangeOf(username: string): RoleChange | undefined
  changeRole(username: string, roleId: string): void
}

const NONE: readonly never[] = []
const MemberRowsContext = createContext<MemberRows | null>(null)

/** `pageKey` names the page shown (its search parameters). */
export function MemberRowsProvider({ pageKey, children }: { pageKey: string; children: ReactNode }) {
  const roles = useQuery(memberQueries.roles()).data ?? NONE
  const userTypes = useQuery(memberQueries.userTypes()).data ?? NONE
  const queryClient = useQueryClient()
  const [changes, setChanges] = useState<ReadonlyMap<string, RoleChangeState>>(new Map())
  const [shownPage, setShownPage] = useState(pageKey)
  // Another page: errors of the one left behind are dropped, not kept for a return (adjusted while rendering).
  if (shownPage !== pageKey) {
    setShownPage(pageKey)
    if ([...changes.values()].some((change) => change.error)) setChanges(new Map([...changes].filter(([, change]) => !change.error)))
  }

  const changeRole = useCallback(
    async (username: string, roleId: string, page: string) => {
      const key = username.toLowerCase()
      setChanges((current) => new Map(current).set(key, { pending: roleId, page }))
      try {
        await updateUserRole(username, roleId)
        // Said, as a failure is: the dropdown alone changes without a word to a screen reader.
        announce(`Role of ${username} changed to ${roles.find((role) => role.id === roleId)?.name ?? roleId}.`)
        // The dropdown keeps showing the new role until the list has it.
        await queryClient.invalidateQueries({ queryKey: memberQueries.all() })
        setChanges((current) => without(current, key))
      } catch (error) {
        setChanges((current) => new Map(current).set(key, { error: error instanceof Error ? error : new Error(String(error)), page }))
      }
    },
    [queryClient, roles],
  )

  const value = useMemo<MemberRows>(
    () => ({
      roles,
      userTypes,
      roleChangeOf: (username) => {
        const change = changes.get(username.toLowerCase())
        // An error that arrives after its page was left is not shown on another page.
        return change?.error && change.page !== pageKey ? undefined : change
      },
      changeRole: (username, roleId) => {
        if (!changes.get(username.toLowerCase())?.pending) void changeRole(username, roleId, pageKey)
      },
    }),
    [roles, userTypes, changes, changeRole, pageKey],
  )
  return <MemberRowsContext.Provider value={value}>{children}</MemberRowsContext.Provider>
}

export function useMemberRows(): MemberRows {
  const rows = useContext(MemberRowsContext)
  if (!rows) throw new Error('useMemberRows needs a MemberRowsProvider')
  return rows
}

function without<T>(changes: ReadonlyMap<string, T>, key: string): ReadonlyMap<string, T> {
  const next = new Map(changes)
  next.delete(key)
  return next
}
