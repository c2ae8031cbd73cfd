import { ChevronDown } from '../../../lib/icons.ts'
import { onDemand } from '../../../app/on-demand.tsx'
import { useId, useRef, useState } from 'react'

export interface FilterOption {
  id: string
  label: string
  /** Members with this value, when the portal says. */
  count?: number
}

export interface FilterMenuProps {
  /** The button's accessible name, e.g. "Role". */
  label: string
  options: FilterOption[]
  selected: readonly string[]
  /** Several values (OR) or at most one. */
  multiple: boolean
  onChange: (ids: string[]) => void
  /** Shown instead of options while they load or when they failed. */
  placeholder?: string
}

// The menu (react-aria Popover + Menu, ~45 KB gzip) loads when a filter is first
// pointed at or focused, keeping it out of the initial JavaScript.
const { Component: FilterMenuPopover, preload } = onDemand(() => import('./filter-menu-popover.tsx'))

/** A filter button opening a checkable menu; the menu stays open while picking several values. */
export function FilterMenu(props: FilterMenuProps) {
  const [open, setOpen] = useState(false)
  const triggerRef = useRef<HTMLButtonElement>(null)
  const count = props.selected.length
  const countId = useId()
  return (
    <>
      <button
        ref={triggerRef}
        type="button"
        className="button filter-button"
        data-active={count > 0 || undefined}
        aria-label={props.label}
        // The badge's number, heard too: "Role, 2 selected".
        aria-describedby={count > 0 ? countId : undefined}
        aria-haspopup="menu"
        aria-expanded={open}
        onPointerEnter={preload}
        onFocus={preload}
        onClick={() => setOpen(true)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault()
            setOpen(true)
          }
        }}
      >
        {props.label}
        {count > 0 && (
          <span className="filter-badge" aria-hidden="true">
            {count}
          </span>
        )}
        {count > 0 && (
          <span id={countId} className="visually-hidden">
            {count} selected
          </span>
        )}
        <ChevronDown aria-hidden="true" size={14} />
      </button>
      {open && (
        <FilterMenuPopover {...props} triggerRef={triggerRef} onClose={() => setOpen(false)} onDismiss={() => setOpen(false)} />
      )}
    </>
  )
}
