import type { RefObject } from 'react'
import { Menu, MenuItem, Popover, type Selection, Text } from 'react-aria-components'
import { formatNumber } from '../../../lib/format.ts'
import type { FilterMenuProps } from './filter-menu.tsx'

interface FilterMenuPopoverProps extends FilterMenuProps {
  triggerRef: RefObject<HTMLButtonElement | null>
  onClose: () => void
}

/** The open state of a filter: a checkable menu anchored to its button (loaded on demand). */
export default function FilterMenuPopover(props: FilterMenuPopoverProps) {
  const { label, options, selected, multiple, onChange, placeholder, triggerRef, onClose } = props
  const ids = options.map((option) => option.id)
  const handleChange = (keys: Selection) => {
    onChange(keys === 'all' ? ids : ids.filter((id) => keys.has(id)))
    if (!multiple) onClose()
  }
  const items = options.length ? options : [{ id: '', label: placeholder ?? 'No options', count: undefined }]
  return (
    <Popover
      className="popover"
      // A modal popover is a dialog to assistive technology: it needs a name too.
      aria-label={label}
      triggerRef={triggerRef}
      isOpen
      onOpenChange={(isOpen) => {
        if (!isOpen) onClose()
      }}
      placement="bottom start"
    >
      <Menu
        className="menu"
        aria-label={label}
        autoFocus="first"
        items={items}
        disabledKeys={options.length ? undefined : ['']}
        selectionMode={multiple ? 'multiple' : 'single'}
        selectedKeys={new Set(selected)}
        onSelectionChange={handleChange}
      >
        {(option) => (
          <MenuItem id={option.id} className="menu-item" textValue={option.label}>
            <span className="menu-check" aria-hidden="true" />
            <Text slot="label">{option.label}</Text>
            {option.count !== undefined && (
              <Text slot="description" className="menu-count">
                {formatNumber(option.count)}
                <span className="visually-hidden">{option.count === 1 ? ' member' : ' members'}</span>
              </Text>
            )}
          </MenuItem>
        )}
      </Menu>
    </Popover>
  )
}
