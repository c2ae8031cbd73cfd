import { type KeyboardEvent, type RefObject, useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react'
import { useOpenFor } from '../hooks/use-open-for.ts'
import './select-only-combobox.css'

export interface ComboboxOption {
  value: string
  label: string
  /** Why it cannot be chosen, shown after its label. It stays in the list and reachable by keyboard, so the reason is heard. */
  disabledReason?: string | null
}

interface SelectOnlyComboboxProps {
  /** The accessible name. */
  label: string
  value: string
  /** What the closed control shows. */
  valueLabel: string
  /** Asked for only while the list is open or a key is pressed: a closed control holds none of it. */
  options(): readonly ComboboxOption[]
  /** Called when another enabled option is chosen (never for the current one). */
  onChange(value: string): void
  /**
   * Why the value cannot be changed, if it cannot. The control then stays focusable and says why: on hover,
   * and in a note where the list would open (click, Enter, Space, arrows). A natively disabled button would
   * be skipped by Tab and show nothing.
   */
  lockedReason?: string | null
  busy?: boolean
  describedBy?: string
  className?: string
  /** What the control acts on (a row's username). An open list closes when it changes: rows are reused by position. */
  subject: string
  controlRef?: RefObject<HTMLButtonElement | null>
}

const TYPE_AHEAD_RESET_MS = 500

/**
 * A dropdown as WAI-ARIA's "select-only combobox" pattern: a button with role
 * combobox that shows the value, and a listbox that exists only while open
 * (focus stays on the button; aria-activedescendant points at the option).
 * One per table row instead of a native <select>: a select is a form control
 * with its list of options even while closed, and the browser's own work on
 * "Next page" was ~38 ms a page with 25 of them against ~29 with buttons
 * (bench/README.md, "Next page, third look").
 * It is also safer: arrow keys on a closed control open it instead of
 * changing the value, so no role change is sent by a stray key press.
 */
export function SelectOnlyCombobox(props: SelectOnlyComboboxProps) {
  const { label, value, valueLabel, onChange, lockedReason, busy, describedBy, className, subject } = props
  const ownRef = useRef<HTMLButtonElement>(null)
  const trigger = props.controlRef ?? ownRef
  const list = useRef<HTMLDivElement>(null)
  const listId = useId()
  const locked = Boolean(lockedReason)
  // The list, or the locked control's note: each closes for good when the lock changes under it.
  const [open, setOpen] = useOpenFor(subject, locked)
  const [noteShown, showNote] = useOpenFor(subject, !locked)
  const [activeIndex, setActive] = useState(0)
  const typed = useRef({ text: '', at: 0 })

  // Only an open list, or a key press, needs the options (RoleCell works out each role's fit for them).
  const options = open ? props.options() : []
  // A value missing from the options marks none of them as current; the keys then start on the first.
  const current = options.findIndex((option) => option.value === value)
  const active = Math.min(activeIndex, options.length - 1)
  const optionId = (index: number) => `${listId}-${index}`
  const show = (index: number) => {
    setActive(index)
    setOpen(true)
  }
  const close = useCallback(() => {
    setOpen(false)
    showNote(false)
  }, [setOpen, showNote])
  const choose = (index: number) => {
    const option = options[index]
    if (!option || option.disabledReason) return
    close()
    if (option.value !== value) onChange(option.value)
  }
  const typeAhead = (all: readonly ComboboxOption[], key: string, from: number) => {
    const now = Date.now()
    const text = now - typed.current.at > TYPE_AHEAD_RESET_MS ? key : typed.current.text + key
    typed.current = { text, at: now }
    // A new first letter moves on from the active option; a longer prefix may match the active one itself.
    const start = text.length === 1 ? from + 1 : from
    for (let step = 0; step < all.length; step++) {
      const index = (start + step) % all.length
      if (all[index]!.label.toLowerCase().startsWith(text.toLowerCase())) return index
    }
    return from
  }

  /** Where the keys start: on the value, or on the first option when the value is not among them. */
  const startOf = (all: readonly ComboboxOption[]) => Math.max(all.findIndex((option) => option.value === value), 0)

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const printable = event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey
    const last = options.length - 1
    if (locked) {
      if (['ArrowDown', 'ArrowUp', 'Enter', ' '].includes(event.key)) showNote(!noteShown)
      else if (event.key === 'Escape' && noteShown) close()
      else return
      event.preventDefault()
      return
    }
    if (!open) {
      const all = props.options()
      // Enter and Space too, rather than through the button's click: Firefox clicks on Space's release
      // even when its press was handled, which would reopen a list just closed by choosing.
      if (['ArrowDown', 'ArrowUp', 'Enter', ' '].includes(event.key)) show(startOf(all))
      else if (event.key === 'Home') show(0)
      else if (event.key === 'End') show(all.length - 1)
      else if (printable) show(typeAhead(all, event.key, startOf(all)))
      else return
      event.preventDefault()
      return
    }
    switch (event.key) {
      case 'ArrowDown':
        setActive(Math.min(active + 1, last))
        break
      case 'ArrowUp':
        if (event.altKey) choose(active)
        else setActive(Math.max(active - 1, 0))
        break
      case 'Home':
      case 'PageUp':
        setActive(0)
        break
      case 'End':
      case 'PageDown':
        setActive(last)
        break
      case 'Enter':
      case ' ':
        // A space while typing a name is part of it.
        if (event.key === ' ' && Date.now() - typed.current.at < TYPE_AHEAD_RESET_MS) setActive(typeAhead(options, ' ', active))
        else choose(active)
        // Prevented below, so the button's own click (Enter at once, Space on release) does not follow.
        break
      case 'Escape':
        close()
        break
      case 'Tab':
        // Leaves without choosing: a role change is sent at once, so only an explicit choice makes one.
        close()
        return
      default:
        if (!printable) return
        setActive(typeAhead(options, event.key, active))
    }
    event.preventDefault()
  }

  // Placed under the control (above it when there is no room below), in the window's coordinates; measured
  // at the window's corner first, so its width is its own, not what is left right of the control.
  const popupShown = open || noteShown
  useLayoutEffect(() => {
    const box = list.current
    if (!popupShown || !trigger.current || !box) return
    const anchor = trigger.current.getBoundingClientRect()
    box.style.left = '0px'
    box.style.top = '0px'
    box.style.minWidth = `${anchor.width}px`
    const { offsetWidth: width, offsetHeight: height } = box
    const viewport = document.documentElement
    const below = anchor.bottom + height <= viewport.clientHeight || anchor.top < height
    box.style.top = `${below ? anchor.bottom + 2 : anchor.top - height - 2}px`
    // Kept inside the window on a narrow screen, where the table scrolls sideways.
    box.style.left = `${Math.max(0, Math.min(anchor.left, viewport.clientWidth - width))}px`
  }, [popupShown, trigger])

  const activeId = open ? optionId(active) : null
  useLayoutEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView?.({ block: 'nearest' })
  }, [activeId])

  // Closes when the page moves under it or a click lands elsewhere.
  useEffect(() => {
    if (!popupShown) return
    const closeOnOutside = (event: Event) => {
      const target = event.target as Node
      if (!trigger.current?.contains(target) && !list.current?.contains(target)) close()
    }
    const closeOnScroll = (event: Event) => {
      if (!list.current?.contains(event.target as Node)) close()
    }
    document.addEventListener('pointerdown', closeOnOutside, true)
    document.addEventListener('scroll', closeOnScroll, true)
    window.addEventListener('resize', close)
    return () => {
      document.removeEventListener('pointerdown', closeOnOutside, true)
      document.removeEventListener('scroll', closeOnScroll, true)
      window.removeEventListener('resize', close)
    }
  }, [popupShown, trigger, close])

  return (
    <>
      <button
        ref={trigger}
        type="button"
        role="combobox"
        className={className ? `select-only-combobox ${className}` : 'select-only-combobox'}
        aria-label={label}
        // Locked, it opens no list: none is announced.
        aria-haspopup={locked ? undefined : 'listbox'}
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        aria-activedescendant={activeId ?? undefined}
        aria-describedby={describedBy}
        aria-busy={busy}
        aria-disabled={locked || undefined}
        title={lockedReason ?? undefined}
        onKeyDown={onKeyDown}
        onClick={() => {
          // Safari and Firefox on macOS do not focus a button on click; the keys work only where focus is.
          trigger.current?.focus()
          if (locked) showNote(!noteShown)
          else if (open) close()
          else show(startOf(props.options()))
        }}
        onKeyUp={(event) => event.key === ' ' && event.preventDefault()}
        onBlur={close}
      >
        <span className="select-only-combobox__value">{valueLabel}</span>
      </button>
      {/*
        Right after the combobox, so it is read next and sits in the same landmark; position: fixed takes it out
        of the table's scrolling box. Clicks on it must not take focus from the combobox, which keeps it while
        the list is open.
      */}
      {open && (
        // Named as the combobox (aria-labelledby would name it by the combobox's value instead). No tabIndex:
        // nothing in it takes focus, or the combobox's blur would close it mid-click.
        <div ref={list} id={listId} role="listbox" aria-label={label} className="popover combobox-list" onMouseDown={(event) => event.preventDefault()}>
          {options.map((option, index) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: keys act through the combobox, which keeps focus (aria-activedescendant)
            // biome-ignore lint/a11y/useFocusableInteractive: as above
            <div
              key={option.value}
              id={optionId(index)}
              role="option"
              // As WAI-ARIA's pattern has it, "selected" is the option the keys are on; the current value is marked apart.
              aria-selected={index === active}
              data-current={index === current || undefined}
              aria-disabled={option.disabledReason ? true : undefined}
              className="combobox-option"
              onPointerMove={() => index !== active && setActive(index)}
              onClick={() => choose(index)}
            >
              {option.label}
              {option.disabledReason && <span className="combobox-option__reason"> — {option.disabledReason}</span>}
            </div>
          ))}
        </div>
      )}
      {noteShown && (
        // Seen, not heard: screen readers already have the reason as the control's description.
        <div ref={list} aria-hidden="true" className="popover combobox-list combobox-note">
          {lockedReason}
        </div>
      )}
    </>
  )
}
