export function SelectionMenu() {
  return null;
}
