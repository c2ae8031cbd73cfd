import type { RefObject } from 'react'
import { Menu, MenuItem, Popover, Separator, Text } from 'react-aria-components'
import type { MenuEntry } from './row-actions-menu-button.tsx'

interface MenuPopoverProps {
  triggerRef: RefObject<HTMLButtonElement | null>
  label: string
  items: readonly MenuEntry[]
  placement: 'bottom start' | 'bottom end'
  onAction(id: string): void
  onClose(): void
}

/** The menu of a MenuButton, in its own chunk. */
export default function MenuPopover({ triggerRef, label, items, placement, onAction, onClose }: MenuPopoverProps) {
  return (
    <Popover
      triggerRef={triggerRef}
      isOpen
      onOpenChange={(isOpen) => {
        if (!isOpen) onClose()
      }}
      placement={placement}
      // react-aria draws the popover as a dialog: named as its menu, or axe finds an unnamed dialog.
      aria-label={label}
      className="popover action-popover"
    >
      <Menu
        aria-label={label}
        className="menu"
        autoFocus="first"
        onClose={onClose}
        disabledKeys={items.filter((item) => item.isDisabled || item.reason).map((item) => item.id)}
        onAction={(key) => onAction(String(key))}
      >
        {items.flatMap((item) => {
          const entry = (
            <MenuItem
              key={item.id}
              id={item.id}
              textValue={item.label}
              aria-label={item.ariaLabel}
              shouldCloseOnSelect={!item.keepOpen}
              className="action-item"
            >
              {item.content ?? <Text slot="label">{item.label}</Text>}
              {item.reason && (
                <Text slot="description" className="action-item__reason">
                  {item.reason}
                </Text>
              )}
            </MenuItem>
          )
          return item.separatorAfter ? [entry, <Separator key={`${item.id}-separator`} className="action-separator" />] : [entry]
        })}
      </Menu>
    </Popover>
  )
}
