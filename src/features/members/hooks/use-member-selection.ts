import { createElement, createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react'
import { MemberDialogsProvider } from '../dialogs/member-dialogs-host.tsx'
import { useSession } from '../../../lib/session.tsx'
import type { Member } from '../types.ts'
import { SELECTION_STORAGE_KEY, selectionStorageKey } from './selection-key.ts'
import { BulkRunProvider } from './use-bulk-run.ts'

/** Most members one bulk call takes (portal-api.md §7 rule 10), so most one selection holds. */
export const SELECTION_LIMIT = 100

/** What the selection keeps of a member: enough to act on, list and export them off-page. */
export type MemberSummary = Pick<
  Member,
  'username' | 'fullName' | 'email' | 'role' | 'roleId' | 'userLicenseTypeId' | 'disabled' | 'lastLogin' | 'provider' | 'mfaEnabled' | 'created'
>

/**
 * Reads back what storage holds. Anything damaged or foreign yields an empty
 * or partial selection, never a crash. (Hand-written: zod's full build would
 * add 60 KB to the first load for these few fields.)
 */
function parseStored(raw: string): MemberSummary[] {
  const value: unknown = JSON.parse(raw)
  if (!Array.isArray(value)) return []
  const text = (v: unknown, fallback: string) => (typeof v === 'string' ? v : fallback)
  const number = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback)
  const bool = (v: unknown) => v === true
  return value
    .filter((m): m is Record<string, unknown> => typeof m === 'object' && m !== null && typeof m.username === 'string' && m.username !== '')
    .slice(0, SELECTION_LIMIT)
    .map((m) => ({
      username: m.username as string,
      fullName: text(m.fullName, ''),
      email: text(m.email, ''),
      role: text(m.role, 'org_user'),
      roleId: typeof m.roleId === 'string' ? m.roleId : undefined,
      userLicenseTypeId: text(m.userLicenseTypeId, ''),
      disabled: bool(m.disabled),
      lastLogin: number(m.lastLogin, -1),
      provider: text(m.provider, 'arcgis'),
      mfaEnabled: bool(m.mfaEnabled),
      created: number(m.created, 0),
    }))
}

export function summarize(member: MemberSummary): MemberSummary {
  const { username, fullName, email, role, roleId, userLicenseTypeId, disabled, lastLogin, provider, mfaEnabled, created } = member
  return { username, fullName, email, role, roleId, userLicenseTypeId, disabled, lastLogin, provider, mfaEnabled, created }
}

const keyOf = (username: string) => username.toLowerCase()
type SelectionMap = ReadonlyMap<string, MemberSummary>

/** Whether `username` has a selection kept in `orgId` from before this load (the server's first screen shows none). */
export function hasStoredSelection(orgId: string, username: string): boolean {
  return readStored(selectionStorageKey(orgId, username)).size > 0
}

function readStored(storageKey: string): SelectionMap {
  try {
    const raw = sessionStorage.getItem(storageKey)
    const list = raw ? parseStored(raw) : []
    return new Map(list.map((m) => [keyOf(m.username), m]))
  } catch {
    return new Map()
  }
}

export interface MemberSelection {
  /** In the order they were selected. */
  members: MemberSummary[]
  count: number
  limit: number
  isFull: boolean
  isSelected(username: string): boolean
  /** Selects or deselects one member; selecting past the limit does nothing. */
  setSelected(member: MemberSummary, selected: boolean): void
  /** Adds as many as fit; returns how many the limit kept out. */
  addMany(members: readonly MemberSummary[]): { added: number; leftOut: number }
  removeMany(usernames: readonly string[]): void
  clear(): void
  /** Replaces saved summaries with fresher data for members already selected. */
  refresh(members: readonly MemberSummary[]): void
  /** Set when the limit kept members out of a "select all on this page". */
  notice: string | null
}

const SelectionContext = createContext<MemberSelection | null>(null)

function useSelectionStore(storageKey: string): MemberSelection {
  const [map, setMap] = useState<SelectionMap>(() => readStored(storageKey))
  const [notice, setNotice] = useState<string | null>(null)

  useEffect(() => {
    try {
      sessionStorage.setItem(storageKey, JSON.stringify([...map.values()]))
    } catch {
      // Storage full or blocked (private mode): the selection still works for this page's life.
    }
  }, [map, storageKey])

  const setSelected = useCallback((member: MemberSummary, selected: boolean) => {
    setMap((current) => {
      const key = keyOf(member.username)
      if (selected === current.has(key) || (selected && current.size >= SELECTION_LIMIT)) return current
      const next = new Map(current)
      if (selected) next.set(key, summarize(member))
      else next.delete(key)
      return next
    })
  }, [])

  const addMany = useCallback(
    (members: readonly MemberSummary[]) => {
      const fresh = members.filter((m) => !map.has(keyOf(m.username)))
      const room = Math.max(0, SELECTION_LIMIT - map.size)
      const adding = fresh.slice(0, room)
      if (adding.length)
        setMap((current) => {
          const next = new Map(current)
          for (const m of adding) if (next.size < SELECTION_LIMIT) next.set(keyOf(m.username), summarize(m))
          return next
        })
      const leftOut = fresh.length - adding.length
      setNotice(
        leftOut
          ? `Selected ${adding.length} more; ${leftOut} on this page were left out because at most ${SELECTION_LIMIT} members can be selected.`
          : null,
      )
      return { added: adding.length, leftOut }
    },
    [map],
  )

  const removeMany = useCallback((usernames: readonly string[]) => {
    setMap((current) => {
      const keys = usernames.map(keyOf).filter((k) => current.has(k))
      if (!keys.length) return current
      const next = new Map(current)
      for (const k of keys) next.delete(k)
      return next
    })
  }, [])

  const refresh = useCallback((members: readonly MemberSummary[]) => {
    setMap((current) => {
      const changed = members.filter((m) => {
        const saved = current.get(keyOf(m.username))
        return saved && JSON.stringify(saved) !== JSON.stringify(summarize(m))
      })
      if (!changed.length) return current
      const next = new Map(current)
      for (const m of changed) next.set(keyOf(m.username), summarize(m))
      return next
    })
  }, [])

  return useMemo(
    () => ({
      members: [...map.values()],
      count: map.size,
      limit: SELECTION_LIMIT,
      isFull: map.size >= SELECTION_LIMIT,
      isSelected: (username: string) => map.has(keyOf(username)),
      setSelected,
      addMany,
      removeMany,
      clear: () => {
        setMap(new Map())
        setNotice(null)
      },
      refresh,
      notice,
    }),
    [map, setSelected, addMany, removeMany, refresh, notice],
  )
}

/**
 * The selection (architecture.md convention 5), the bulk runner and the action
 * dialogs for everything below it. Saved per organization and administrator,
 * so another sign-in in the same tab never inherits it.
 */
export function MemberSelectionProvider({ children, storageKey = SELECTION_STORAGE_KEY }: { children: ReactNode; storageKey?: string }) {
  const session = useSession()
  const selection = useSelectionStore(selectionStorageKey(session.orgId, session.username, storageKey))
  return createElement(
    SelectionContext.Provider,
    { value: selection },
    createElement(BulkRunProvider, { onMembersDone: selection.removeMany }, createElement(MemberDialogsProvider, null, children)),
  )
}

export function useMemberSelection(): MemberSelection {
  const selection = useContext(SelectionContext)
  if (!selection) throw new Error('useMemberSelection must be used inside MemberSelectionProvider')
  return selection
}
