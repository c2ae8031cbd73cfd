import './member-names.css'

type Named = { username: string; fullName?: string }

/** "Pat Publisher (pat)": people know names, the portal knows usernames. */
export function MemberName({ member }: { member: Named }) {
  if (!member.fullName || member.fullName === member.username) return <span className="member-name">{member.username}</span>
  return (
    <span className="member-name">
      {member.fullName} <span className="member-name__username">({member.username})</span>
    </span>
  )
}

/**
 * Members as a run of names (those one reason applies to, those who own nothing, a run's outcomes): a
 * list, laid out as a wrapping line.
 */
export function MemberNames({ members }: { members: readonly Named[] }) {
  return (
    <ul className="member-names">
      {members.map((member) => (
        <li key={member.username}>
          <MemberName member={member} />
        </li>
      ))}
    </ul>
  )
}
