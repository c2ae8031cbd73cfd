import { MemberName } from '../components/member-names.tsx'

/** The members a dialog will act on, scrollable when long. */
export function MemberList({ members, label }: { members: readonly { username: string; fullName?: string }[]; label: string }) {
  if (!members.length) return null
  return (
    <ul className="member-dialog__members" aria-label={label}>
      {members.map((member) => (
        <li key={member.username}>
          <MemberName member={member} />
        </li>
      ))}
    </ul>
  )
}

export const membersWord = (count: number) => (count === 1 ? '1 member' : `${count} members`)
