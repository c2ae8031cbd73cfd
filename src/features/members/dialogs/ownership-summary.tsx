import { MemberName } from './dialog-frame.tsx'
import type { Ownership } from './use-member-ownership.ts'

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/** One member and what they own: items per folder, groups. */
export function OwnershipSummary({
  member,
  ownership,
  defaultOpen = false,
}: {
  member: { username: string; fullName?: string }
  ownership?: Ownership
  defaultOpen?: boolean
}) {
  if (!ownership || ownership.status === 'loading')
    return (
      <li>
        <MemberName member={member} />: checking what they own…
      </li>
    )
  if (ownership.status === 'error')
    return (
      <li>
        <MemberName member={member} />: could not check what they own ({ownership.error?.message}).
      </li>
    )
  if (!ownership.owns)
    return (
      <li>
        <MemberName member={member} />: owns no items or groups.
      </li>
    )
  return (
    <li>
      <details open={defaultOpen}>
        <summary>
          <MemberName member={member} />: owns {count(ownership.itemCount, 'item', 'items')}
          {ownership.folders.length > 1 ? ` in ${ownership.folders.length} folders` : ''} and {count(ownership.groupCount, 'group', 'groups')}
        </summary>
        <ul className="ownership">
          {ownership.folders.map((folder) => (
            <li key={folder.id ?? 'root'}>
              {folder.title}: {count(folder.total, 'item', 'items')}
              <ul>
                {folder.items.map((item) => (
                  <li key={item.id}>
                    {item.title} <span className="ownership__type">({item.type})</span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
          {ownership.groups.length > 0 && (
            <li>
              Groups: {ownership.groups.map((g) => g.title).join(', ')}
            </li>
          )}
        </ul>
      </details>
    </li>
  )
}
