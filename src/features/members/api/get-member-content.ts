import { portalRequest } from '../../../lib/portal-client.ts'

export interface ContentItem {
  id: string
  title: string
  type: string
  owner: string
  ownerFolder?: string | null
  [key: string]: unknown
}

export interface ContentFolder {
  id: string
  title: string
  username?: string
}

export interface MemberContent {
  username: string
  total: number
  start: number
  num: number
  nextStart: number
  currentFolder: ContentFolder | null
  items: ContentItem[]
  folders: ContentFolder[]
}

/** One page (up to 100) of a member's items at the root or in one folder, plus their folders. */
export function getMemberContent(username: string, folderId?: string, signal?: AbortSignal): Promise<MemberContent> {
  const path = `content/users/${encodeURIComponent(username)}${folderId ? `/${encodeURIComponent(folderId)}` : ''}`
  return portalRequest<MemberContent>(path, { start: 1, num: 100 }, { method: 'GET', signal })
}
