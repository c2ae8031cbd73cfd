import { type RefObject, useLayoutEffect, useRef } from 'react'

/**
 * Table rows are reused by position (members-table.tsx), so a control can
 * start showing another member while it has focus, e.g. when a refresh
 * re-sorts the list. Focus then follows the member: it moves to the same
 * control in the row now showing them (found by its accessible name,
 * `labelFor`), or, when they left the page, the control lets go of it. Either
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
    else control.current.blur()
  }, [control, username, labelFor])
}
