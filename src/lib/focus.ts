/** Focus is nowhere a keyboard user can go on from: the page's body, or an element just removed. */
export function focusIsLost(): boolean {
  const current = document.activeElement
  return !current || current === document.body || !current.isConnected
}
