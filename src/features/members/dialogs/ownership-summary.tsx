import { MemberName, MemberNames } from '../components/member-names.tsx'
import type { Ownership } from './use-member-ownership.ts'

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

type Named = { username: string; fullName?: string }

/** "3 items in 2 folders and 1 group", leaving out what they own none of. */
function whatIsOwned({ itemCount, groupCount, folders }: Ownership): string {
  const items = itemCount > 0 && `${count(itemCount, 'item', 'items')}${folders.length > 1 ? ` in ${folders.length} folders` : ''}`
  const groups = groupCount > 0 && count(groupCount, 'group', 'groups')
  return [items, groups].filter(Boolean).join(' and ')
}

/**
 * What each of the members owns: owners first, then any whose check failed. Members who own nothing,
 * and those still being checked, are one line each however many they are: among 100 members, the one
 * whose content must move is the line to see, not the 99th "owns no items or groups".
 */
export function OwnershipList({ members, ownership, label }: { members: readonly Named[]; ownership: Map<string, Ownership>; label: string }) {
  const status = (member: Named) => ownership.get(member.username)?.status ?? 'loading'
  const owners = members.filter((m) => ownership.get(m.username)?.owns)
  const failed = members.filter((m) => status(m) === 'error')
  const checking = members.filter((m) => status(m) === 'loading')
  const ownNothing = members.filter((m) => status(m) === 'ready' && !ownership.get(m.username)?.owns)
  const each = (list: Named[]) => list.map((member) => <OwnershipSummary key={member.username} member={member} ownership={ownership.get(member.username)} />)
  return (
    <ul className="member-dialog__members" aria-label={label}>
      {each(owners)}
      {each(failed)}
      {checking.length > 1 ? <li>Checking what {checking.length} members own…</li> : each(checking)}
      {ownNothing.length > 1 ? (
        <li>
          <details>
            <summary>{ownNothing.length} members own no items or groups</summary>
            <MemberNames members={ownNothing} />
          </details>
        </li>
      ) : (
        each(ownNothing)
      )}
    </ul>
  )
}

/** One member and what they own: items per folder, groups. */
export function OwnershipSummary({
  member,
  ownership,
  defaultOpen = false,
}: {
  member: Named
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
          <MemberName member={member} />: owns {whatIsOwned(ownership)}
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
