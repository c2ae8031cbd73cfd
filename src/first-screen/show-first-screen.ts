/**
 * The first screen in the browser: the portal server renders the Members page
 * with the console's own components (render-first-screen.tsx), and it is
 * shown in `#first-screen` (index.html: inert and hidden from assistive
 * technology, since nothing in it works yet) while `#root` is hidden
 * (base.css). Then either the app draws its own page in `#root` and the
 * first screen goes, or the app adopts it (hydrates it: src/app/hydration.ts)
 * and it becomes the page.
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

/** The element the app hydrates: it is marked, so endFirstScreen brings it to life instead of removing it. */
export function adoptFirstScreen(): HTMLElement | null {
  const element = document.getElementById(ELEMENT_ID)
  if (element) element.dataset.adopted = 'true'
  return element
}

/**
 * The app shows its own page now (called in a layout effect, so the swap
 * happens within one frame). The server's copy goes; or, when the app
 * adopted it, it comes alive: no longer inert or hidden from assistive
 * technology, and the page's root in place of the unused `#root`.
 */
export function endFirstScreen(): void {
  const element = document.getElementById(ELEMENT_ID)
  if (!element) return
  if (!element.dataset.adopted) {
    element.remove()
    return
  }
  element.removeAttribute('inert')
  element.removeAttribute('aria-hidden')
  delete element.dataset.adopted
  document.getElementById('root')?.remove()
  element.id = 'root'
}
