import { useCallback, useState } from 'react'

/**
 * Open or closed, for one subject (a row's username). Table rows are reused by
 * position, so a menu or list opened for one member must never stay open for
 * the next one: when `subject` changes, or the control is locked (it must
 * not stay open on something that can no longer act), it closes for good,
 * and does not reopen if that member comes back.
 */
export function useOpenFor(subject: string, locked = false): [open: boolean, setOpen: (open: boolean) => void] {
  const [openFor, setOpenFor] = useState<string | null>(null)
  // Adjusted while rendering, so the frame that shows the next member never shows the list.
  if (openFor !== null && (openFor !== subject || locked)) setOpenFor(null)
  const setOpen = useCallback((open: boolean) => setOpenFor(open ? subject : null), [subject])
  return [openFor === subject && !locked, setOpen]
}
