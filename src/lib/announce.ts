const REGION_ID = 'members-console-announcer'

/**
 * Tells screen readers something, politely, from code with no place of its own on the page to say it
 * (a table row that has just gone). One visually hidden status region, outside React's tree so no
 * render removes it, marked as a live announcer so that a modal dialog (react-aria hides the rest of
 * the page from assistive technology) does not hide it.
 */
export function announce(message: string): void {
  let region = document.getElementById(REGION_ID)
  if (!region) {
    region = document.createElement('p')
    region.id = REGION_ID
    region.setAttribute('role', 'status')
    region.className = 'visually-hidden'
    region.dataset.liveAnnouncer = 'true'
    document.body.append(region)
  }
  // A region that has just appeared, or text equal to what it already says, is not always read out:
  // empty it now and say the message a moment later, with any other said meanwhile (one is not lost
  // to the next).
  if (!waiting.length) {
    region.textContent = ''
    const target = region
    setTimeout(() => {
      target.textContent = waiting.join(' ')
      waiting = []
    }, ANNOUNCE_DELAY_MS)
  }
  waiting.push(message)
}

let waiting: string[] = []

export const ANNOUNCE_DELAY_MS = 100
