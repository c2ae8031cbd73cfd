import { badRequest, PortalError } from '../http/errors.ts'

/** What a member owns, as rule 8 counts it. */
export interface OwnedCounts {
  items: number
  groups: number
}

/** A member who could receive content, with what rule 9 looks at. */
export interface ContentTarget {
  id: string
  username: string
  disabled: boolean
  can_own_content: boolean
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/**
 * Rule 8 (portal-api.md §7): a member who owns items or groups cannot be deleted.
 * `details` holds one string per kind owned, count first ("3 items", "1 group"),
 * in the ArcGIS style of string details; a client reads the count with /^(\d+) (item|group)s?$/.
 */
export function assertOwnsNothing(username: string, owned: OwnedCounts): void {
  if (owned.items === 0 && owned.groups === 0) return
  const details: string[] = []
  if (owned.items > 0) details.push(plural(owned.items, 'item'))
  if (owned.groups > 0) details.push(plural(owned.groups, 'group'))
  throw new PortalError(
    400,
    'USER_OWNS_CONTENT',
    `${username} owns ${details.join(' and ')}. Move them to another member first (reassign), then delete ${username}.`,
    details,
  )
}

/**
 * Rule 9: content moves only to an enabled member of the same organization
 * (the lookup is by organization, so a member of another one is "not found"),
 * not the source, whose user type can own content. A member deleted in the
 * meantime is not found either: the caller looks the target up with a row lock.
 */
export function assertCanReceiveContent(sourceId: string, targetUsername: string, target: ContentTarget | undefined): ContentTarget {
  if (!target)
    throw badRequest(
      'REASSIGN_TARGET_NOT_FOUND',
      `The member '${targetUsername}' to move the content to does not exist in this organization. Choose another member.`,
    )
  if (target.id === sourceId)
    throw badRequest('REASSIGN_TARGET_IS_SOURCE', `Content cannot be moved to its own owner (${target.username}). Choose another member.`)
  if (target.disabled)
    throw badRequest('REASSIGN_TARGET_DISABLED', `${target.username} is disabled and cannot receive content. Enable them or choose another member.`)
  if (!target.can_own_content)
    throw badRequest(
      'REASSIGN_TARGET_CANNOT_OWN',
      `${target.username}'s user type cannot own content. Give them a user type that can (such as Creator) or choose another member.`,
    )
  return target
}

/** Folder titles: what ArcGIS accepts for a folder name, kept simple. */
export const MAX_FOLDER_TITLE = 255

/** `targetFolderName` of an item move: absent means the target's root folder. */
export function parseTargetFolderName(value: string | undefined): string | null {
  const title = value?.trim()
  if (!title) return null
  if (title.length > MAX_FOLDER_TITLE)
    throw badRequest('INVALID_FOLDER_NAME', `'targetFolderName' is longer than ${MAX_FOLDER_TITLE} characters. Choose a shorter name.`)
  return title
}

/**
 * Where "move everything" puts a member's content at the target: root items in
 * `<username>_root`, each folder's items in `<username>_<folder title>`
 * (portal-api.md §6). When the target already has a folder of that name it is
 * used as it is (the items join it), as ArcGIS does with targetFolderName.
 */
export const rootFolderFor = (username: string) => `${username}_root`
export const folderFor = (username: string, folderTitle: string) => `${username}_${folderTitle}`.slice(0, MAX_FOLDER_TITLE)
