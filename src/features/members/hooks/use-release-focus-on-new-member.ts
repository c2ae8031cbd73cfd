import { type RefObject, useLayoutEffect, useRef } from 'react'

/**
 * Table rows are reused by position (members-table.tsx), so a control can
 * start showing another member while it has focus, e.g. when a refresh
 * re-sorts the list. It lets go of focus then (which also closes an open
 * native dropdown), before anything is painted: a key press or a choice meant
 * for one member must never reach the next one.
 */
export function useReleaseFocusOnNewMember(control: RefObject<HTMLElement | null>, username: string) {
  const shownFor = useRef(username)
  useLayoutEffect(() => {
    if (shownFor.current === username) return
    shownFor.current = username
    if (control.current && control.current === document.activeElement) control.current.blur()
  }, [control, username])
}
