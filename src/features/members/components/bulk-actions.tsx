export function BulkActions() {
  return null;
}
