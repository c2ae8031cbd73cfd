export function RoleCell({ member }: { member: { role?: string } }) {
  return <>{member.role ?? ''}</>;
}
