/** Focus is nowhere a keyboard user can go on from: the page's body, or an element just removed. */
export function focusIsLost(): boolean {
  const current = document.activeElement
  return !current || current === document.body || !current.isConnected
}

/**
 * A control that removes itself (the last item of a menu, "Dismiss results") takes focus with it: once
 * the page has rendered, and whatever else returns focus has had its turn, focus goes to `target` if it
 * is still lost.
 */
export function focusSoonIfLost(target: () => HTMLElement | null | undefined): void {
  window.setTimeout(() => {
    if (focusIsLost()) target()?.focus()
  }, 0)
}
