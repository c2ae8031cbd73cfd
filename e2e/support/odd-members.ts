/** A member whose name is markup: the list must show it as text (members-console.md, quality.md "Safety"). */
export const MARKUP_NAME = {
  firstName: '<script>document.title="pwned"</script>',
  lastName: '<img src=x onerror="document.title=\'pwned\'">',
}
export const MARKUP_FULL_NAME = `${MARKUP_NAME.firstName} ${MARKUP_NAME.lastName}`
