/**
 * The first screen in the browser: the portal server renders the Members page
 * with the console's own components (render-first-screen.tsx), and it is
 * shown in `#first-screen` (index.html: inert and hidden from assistive
 * technology, since nothing in it works yet) while `#root` is hidden
 * (base.css), until the app, once it has drawn its own, removes the element.
 */

const ELEMENT_ID = 'first-screen'

/** Shows the server's markup (once the page is parsed), unless the app has already drawn its own. */
export function showFirstScreen(html: string): void {
  if (document.readyState === 'loading') {
    document.addEventListener('readystatechange', () => showFirstScreen(html), { once: true })
    return
  }
  const element = document.getElementById(ELEMENT_ID)
  if (element) element.innerHTML = html
}

/** Whether the server's first screen is what the page shows now. */
export function isFirstScreenShown(): boolean {
  return Boolean(document.getElementById(ELEMENT_ID)?.firstElementChild)
}

/** The app has drawn its first screen (called in a layout effect, so the swap happens within one frame). */
export function removeFirstScreen(): void {
  document.getElementById(ELEMENT_ID)?.remove()
}
