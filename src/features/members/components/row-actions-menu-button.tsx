import { type ReactNode, useRef } from 'react'
import { onDemand } from '../../../app/on-demand.tsx'
import { useOpenFor } from '../hooks/use-open-for.ts'

/** One entry of a menu: an action, optionally disabled with the reason shown under it. */
export interface MenuEntry {
  id: string
  label: string
  /** When the visible label is not the accessible name (e.g. "Deselect <username>"). */
  ariaLabel?: string
  content?: ReactNode
  /** Why it is disabled; the entry is disabled when set. */
  reason?: string | null
  isDisabled?: boolean
  /** Keep the menu open after choosing it (removing members from the selection one by one). */
  keepOpen?: boolean
  separatorAfter?: boolean
}

const { Component: MenuPopover, preload: preloadPopover } = onDemand(() => import('./row-actions-popover.tsx'))

interface MenuButtonProps {
  children: ReactNode
  ariaLabel?: string
  className?: string
  /** The menu's accessible name. */
  menuLabel: string
  items: readonly MenuEntry[]
  onAction(id: string): void
  /** Called as the menu opens (e.g. to start loading the dialogs it leads to). */
  onOpen?(): void
  placement?: 'bottom start' | 'bottom end'
  isPending?: boolean
  /**
   * What the menu acts on (a row's username). An open menu closes when it
   * changes: table rows are reused by position, and a menu opened for one
   * member must never act on the next one.
   */
  subject?: string
}

/**
 * A menu button whose menu (react-aria's Menu in a Popover) loads on first
 * use: up to 100 rows each have one, and the page's first load should not
 * carry the menu code (quality.md: initial JavaScript ≤ 150 KB).
 */
export function MenuButton({ children, ariaLabel, className, menuLabel, items, onAction, onOpen, placement = 'bottom start', isPending, subject = '' }: MenuButtonProps) {
  const trigger = useRef<HTMLButtonElement>(null)
  const [open, setOpen] = useOpenFor(subject)
  const show = () => {
    onOpen?.()
    setOpen(true)
  }
  return (
    <>
      <button
        ref={trigger}
        type="button"
        className={className}
        aria-label={ariaLabel}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-busy={isPending || undefined}
        onPointerEnter={preloadPopover}
        onFocus={preloadPopover}
        onClick={() => (open ? setOpen(false) : show())}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault()
            show()
          }
        }}
      >
        {children}
      </button>
      {open && (
        <MenuPopover
          triggerRef={trigger}
          label={menuLabel}
          items={items}
          placement={placement}
          onAction={onAction}
          onClose={() => setOpen(false)}
          onDismiss={() => setOpen(false)}
        />
      )}
    </>
  )
}
