export function RowActions(_props: { member: { username: string } }) {
  return null;
}
