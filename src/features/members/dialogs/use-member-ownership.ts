import { useQueries } from '@tanstack/react-query'
import type { ContentItem } from '../api/get-member-content.ts'
import type { OwnedGroup } from '../api/get-member-groups.ts'
import { memberQueries } from '../api/member-queries.ts'

export interface FolderContent {
  id: string | null
  title: string
  items: ContentItem[]
  /** More items than one page holds (the count is the portal's total). */
  total: number
}

export interface Ownership {
  status: 'loading' | 'error' | 'ready'
  error?: Error
  /** Root first ("Home"), then each folder holding items. */
  folders: FolderContent[]
  groups: OwnedGroup[]
  itemCount: number
  groupCount: number
  owns: boolean | undefined
}

/**
 * What each member owns: items per folder (root and every folder) and groups.
 * Folders come from the root listing, so their contents load in a second wave.
 * `enabled` false asks nothing (e.g. when the new user type can own content anyway).
 */
export function useMemberOwnership(usernames: readonly string[], enabled = true): Map<string, Ownership> {
  const roots = useQueries({ queries: usernames.map((u) => ({ ...memberQueries.content(u), enabled })) })
  const groups = useQueries({ queries: usernames.map((u) => ({ ...memberQueries.groups(u), enabled })) })
  const folderRefs = usernames.flatMap((username, i) => (roots[i]?.data?.folders ?? []).map((folder) => ({ username, folder })))
  const folders = useQueries({ queries: folderRefs.map(({ username, folder }) => ({ ...memberQueries.content(username, folder.id), enabled })) })

  // Each member's folder queries, found once: rebuilt on every answer, for up to 100 members and their folders.
  const foldersOf = new Map<string, { ref: (typeof folderRefs)[number]; query: (typeof folders)[number] }[]>()
  folderRefs.forEach((ref, j) => {
    const mine = foldersOf.get(ref.username) ?? []
    mine.push({ ref, query: folders[j]! })
    foldersOf.set(ref.username, mine)
  })

  const result = new Map<string, Ownership>()
  usernames.forEach((username, i) => {
    const root = roots[i]!
    const owned = groups[i]!
    const mine = foldersOf.get(username) ?? []
    const failed = [root, owned, ...mine.map((m) => m.query)].find((q) => q.isError)
    const loading = !root.data || !owned.data || mine.some((m) => !m.query.data)
    const contents: FolderContent[] = []
    if (root.data?.items.length) contents.push({ id: null, title: 'Home', items: root.data.items, total: root.data.total })
    for (const { ref, query } of mine)
      if (query.data?.items.length) contents.push({ id: ref.folder.id, title: ref.folder.title, items: query.data.items, total: query.data.total })
    const itemCount = contents.reduce((sum, folder) => sum + folder.total, 0)
    const groupCount = owned.data?.total ?? 0
    const status = failed ? 'error' : loading ? 'loading' : 'ready'
    result.set(username, {
      status,
      error: failed?.error ?? undefined,
      folders: contents,
      groups: owned.data?.results ?? [],
      itemCount,
      groupCount,
      owns: status === 'ready' ? itemCount + groupCount > 0 : undefined,
    })
  })
  return result
}
