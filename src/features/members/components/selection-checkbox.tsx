interface MemberLike {
  username: string;
}

export function SelectionCheckbox(_props: { member: MemberLike }) {
  return null;
}

export function SelectAllOnPageCheckbox(_props: { members: readonly MemberLike[] }) {
  return null;
}
