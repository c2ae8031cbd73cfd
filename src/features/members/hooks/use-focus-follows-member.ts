import { type RefObject, useLayoutEffect, useRef } from 'react'
import { announce } from '../../../lib/announce.ts'

/**
 * Table rows are reused by position (members-table.tsx), so a control can
 * start showing another member while it has focus, e.g. when a refresh
 * re-sorts the list. Focus then follows the member: it moves to the same
 * control in the row now showing them (found by its accessible name,
 * `labelFor`), or, when they left the page (a role change that took them
 * out of the filter), to the table itself: not to the control, whose next
 * key press would act on another member, and not lost to the page's body,
 * which would send a keyboard user back to the top; a screen reader is told
 * the member is no longer on the page. Either
 * way an open menu or list closes (useOpenFor), before anything is painted: a
 * key press or a choice meant for one member must never reach the next one.
 */
export function useFocusFollowsMember(control: RefObject<HTMLElement | null>, username: string, labelFor: (username: string) => string) {
  const shownFor = useRef(username)
  // Read while rendering, before this commit moves any member: when two rows swap members, only
  // the one that had focus acts, whichever of the two runs its effect first.
  const focusedBefore = useRef(false)
  focusedBefore.current = control.current !== null && control.current === document.activeElement
  useLayoutEffect(() => {
    const previous = shownFor.current
    if (previous === username) return
    shownFor.current = username
    if (!focusedBefore.current || !control.current) return
    const sameControl = document.querySelector<HTMLElement>(`[aria-label="${CSS.escape(labelFor(previous))}"]`)
    if (sameControl && sameControl !== control.current) sameControl.focus()
    else letGo(control.current, previous)
  }, [control, username, labelFor])
  // The row itself goes (the page now has fewer rows, or none): the same, while the control is still there to ask.
  useLayoutEffect(() => {
    const element = control.current
    return () => {
      if (element && element === document.activeElement) letGo(element, shownFor.current)
    }
  }, [control])
}

function letGo(element: HTMLElement, username: string) {
  const table = element.closest('table')
  if (table) table.focus()
  else element.blur()
  announce(`${username} is no longer on this page.`)
}
