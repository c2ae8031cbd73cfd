import { act, fireEvent, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { type ComboboxOption, SelectOnlyCombobox } from './select-only-combobox.tsx'

const OPTIONS: ComboboxOption[] = [
  { value: 'org_admin', label: 'Administrator', disabledReason: 'Only a full administrator can make a member an administrator.' },
  { value: 'org_publisher', label: 'Publisher' },
  { value: 'org_user', label: 'User' },
  { value: 'viewer', label: 'Viewer' },
]

const LOCKED = 'You cannot change your own role. Ask another administrator.'

function setup(initial: { lockedReason?: string } = {}) {
  const onChange = vi.fn()
  const box = ({ subject = 'ann', lockedReason = initial.lockedReason }: { subject?: string; lockedReason?: string | null } = {}) => (
    <>
      <SelectOnlyCombobox
        label={`Role for ${subject}`}
        subject={subject}
        value="org_user"
        valueLabel="User"
        options={() => OPTIONS}
        onChange={onChange}
        lockedReason={lockedReason}
      />
      <button type="button">Elsewhere</button>
    </>
  )
  const view = render(box())
  const combobox = screen.getByRole('combobox', { name: 'Role for ann' })
  const listbox = () => screen.queryByRole('listbox', { name: 'Role for ann' })
  const active = () => {
    const id = combobox.getAttribute('aria-activedescendant')
    return id ? document.getElementById(id)?.firstChild?.textContent : null
  }
  return { onChange, combobox, listbox, active, user: userEvent.setup(), rerender: (props: { subject?: string; lockedReason?: string | null }) => view.rerender(box(props)) }
}

/** Holds its value, as the page does with the member's role. */
function Controlled() {
  const [value, setValue] = useState('org_user')
  return (
    <SelectOnlyCombobox
      label="Role for ann"
      subject="ann"
      value={value}
      valueLabel={OPTIONS.find((o) => o.value === value)!.label}
      options={() => OPTIONS}
      onChange={setValue}
    />
  )
}

// The type-ahead reads Date.now: a clock of our own lets a test wait past its memory at once.
let now = 1_000_000
beforeEach(() => {
  vi.spyOn(Date, 'now').mockImplementation(() => now)
})
afterEach(() => vi.restoreAllMocks())
/** Longer than the type-ahead's memory of what was typed. */
const pause = () => {
  now += 600
}

describe('SelectOnlyCombobox', () => {
  it('closed, it is a combobox showing its value, with no list in the page', () => {
    const { combobox, listbox } = setup()
    expect(combobox.textContent).toBe('User')
    expect(combobox.getAttribute('aria-expanded')).toBe('false')
    expect(combobox.getAttribute('aria-haspopup')).toBe('listbox')
    expect(listbox()).toBeNull()
  })

  it('a click opens the list on the current value; focus stays on the combobox', async () => {
    const { combobox, listbox, active, user } = setup()
    await user.click(combobox)
    expect(combobox.getAttribute('aria-expanded')).toBe('true')
    expect(combobox.getAttribute('aria-controls')).toBe(listbox()!.id)
    expect(document.activeElement).toBe(combobox)
    expect(active()).toBe('User')
    const options = screen.getAllByRole('option')
    expect(options.map((o) => o.textContent)).toEqual([
      'Administrator — Only a full administrator can make a member an administrator.',
      'Publisher',
      'User',
      'Viewer',
    ])
    // The keys start on the value; it is marked as the value too.
    expect(options.map((o) => o.getAttribute('aria-selected'))).toEqual(['false', 'false', 'true', 'false'])
    expect(options.map((o) => o.hasAttribute('data-current'))).toEqual([false, false, true, false])
    expect(options.map((o) => o.getAttribute('aria-disabled'))).toEqual(['true', null, null, null])
  })

  it('arrow keys on the closed control open it and never change the value', async () => {
    const { combobox, listbox, onChange, user } = setup()
    combobox.focus()
    await user.keyboard('{ArrowDown}')
    expect(listbox()).not.toBeNull()
    await user.keyboard('{Escape}{ArrowUp}{Escape}')
    expect(onChange).not.toHaveBeenCalled()
    expect(listbox()).toBeNull()
  })

  it('keys move through every option, disabled ones too (their reason is heard); Enter chooses an enabled one', async () => {
    const { combobox, listbox, active, onChange, user } = setup()
    combobox.focus()
    await user.keyboard('{ArrowDown}{Home}')
    expect(active()).toBe('Administrator')
    await user.keyboard('{Enter}')
    expect(onChange).not.toHaveBeenCalled()
    expect(listbox()).not.toBeNull()
    await user.keyboard('{ArrowDown}')
    expect(active()).toBe('Publisher')
    // Where the keys are is what "selected" says; the value stays marked.
    expect(screen.getByRole('option', { name: 'Publisher' }).getAttribute('aria-selected')).toBe('true')
    expect(screen.getByRole('option', { name: 'User' }).hasAttribute('data-current')).toBe(true)
    await user.keyboard('{Enter}')
    expect(onChange).toHaveBeenCalledExactlyOnceWith('org_publisher')
    expect(listbox()).toBeNull()
    expect(document.activeElement).toBe(combobox)
  })

  it('Space chooses too, and End, ArrowUp and typing a name move', async () => {
    const { combobox, listbox, active, onChange, user } = setup()
    combobox.focus()
    await user.keyboard('{End}')
    expect(active()).toBe('Viewer')
    await user.keyboard('{ArrowUp}')
    expect(active()).toBe('User')
    await user.keyboard('p')
    expect(active()).toBe('Publisher')
    // Typed at once, letters make one prefix: "pv" matches nothing, so the active option stays.
    await user.keyboard('v')
    expect(active()).toBe('Publisher')
    await pause()
    await user.keyboard('v')
    expect(active()).toBe('Viewer')
    await pause()
    await user.keyboard(' ')
    expect(onChange).toHaveBeenCalledExactlyOnceWith('viewer')
    expect(listbox()).toBeNull()
  })

  it('PageUp, PageDown and Alt+ArrowUp: first, last, and choose', async () => {
    const { combobox, active, onChange, user } = setup()
    combobox.focus()
    await user.keyboard('{ArrowDown}{PageDown}')
    expect(active()).toBe('Viewer')
    await user.keyboard('{PageUp}')
    expect(active()).toBe('Administrator')
    await user.keyboard('{ArrowDown}{Alt>}{ArrowUp}{/Alt}')
    expect(onChange).toHaveBeenCalledExactlyOnceWith('org_publisher')
  })

  it('Enter and Space open the closed control; the Space that chose does not reopen it', async () => {
    const { combobox, listbox, onChange, user } = setup()
    combobox.focus()
    await user.keyboard('{Enter}')
    expect(listbox()).not.toBeNull()
    await user.keyboard('{Escape}')
    await user.keyboard(' ')
    expect(listbox()).not.toBeNull()
    await user.keyboard('{ArrowDown} ')
    expect(onChange).toHaveBeenCalledExactlyOnceWith('viewer')
    expect(listbox()).toBeNull()
  })

  it('typing on the closed control opens it on the match', async () => {
    const { combobox, listbox, active, onChange, user } = setup()
    combobox.focus()
    await user.keyboard('v')
    expect(listbox()).not.toBeNull()
    expect(active()).toBe('Viewer')
    expect(onChange).not.toHaveBeenCalled()
  })

  it('Escape and Tab close without changing anything; Tab moves on', async () => {
    const { combobox, listbox, onChange, user } = setup()
    combobox.focus()
    await user.keyboard('{ArrowDown}{ArrowDown}{Escape}')
    expect(listbox()).toBeNull()
    await user.keyboard('{ArrowDown}{ArrowDown}')
    await user.tab()
    expect(listbox()).toBeNull()
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Elsewhere' }))
    expect(onChange).not.toHaveBeenCalled()
  })

  it('a click chooses an enabled option; a click on a disabled one or on the current one changes nothing', async () => {
    const { combobox, listbox, onChange, user } = setup()
    await user.click(combobox)
    await user.click(screen.getByRole('option', { name: /^Administrator/ }))
    expect(listbox()).not.toBeNull()
    await user.click(screen.getByRole('option', { name: 'User' }))
    expect(listbox()).toBeNull()
    expect(onChange).not.toHaveBeenCalled()
    await user.click(combobox)
    await user.click(screen.getByRole('option', { name: 'Viewer' }))
    expect(onChange).toHaveBeenCalledExactlyOnceWith('viewer')
  })

  it('a click elsewhere, focus elsewhere, a scroll of the page or a resize closes it; a scroll of the list does not', async () => {
    const { combobox, listbox, user } = setup()
    await user.click(combobox)
    fireEvent.pointerDown(document.body)
    expect(listbox()).toBeNull()
    await user.click(combobox)
    fireEvent.scroll(listbox()!)
    expect(listbox()).not.toBeNull()
    fireEvent.scroll(document)
    expect(listbox()).toBeNull()
    await user.click(combobox)
    fireEvent(window, new Event('resize'))
    expect(listbox()).toBeNull()
    await user.click(combobox)
    act(() => screen.getByRole('button', { name: 'Elsewhere' }).focus())
    expect(listbox()).toBeNull()
  })

  it('a click focuses the combobox (Safari does not focus buttons on click), so the keys work', async () => {
    const { combobox, listbox } = setup()
    // A bare click event moves no focus, as in Safari.
    fireEvent.click(combobox)
    expect(listbox()).not.toBeNull()
    expect(document.activeElement).toBe(combobox)
  })

  it('a list open for one member closes when the row shows another', async () => {
    const { combobox, user, rerender } = setup()
    await user.click(combobox)
    rerender({ subject: 'bob' })
    expect(screen.queryByRole('listbox')).toBeNull()
    expect(screen.getByRole('combobox', { name: 'Role for bob' }).getAttribute('aria-expanded')).toBe('false')
    // Closed for good: when the first member comes back, their list does not reopen by itself.
    rerender({ subject: 'ann' })
    expect(screen.queryByRole('listbox')).toBeNull()
  })

  it('a list open when its control gets locked closes, and stays closed once unlocked', async () => {
    const { combobox, listbox, user, rerender } = setup()
    await user.click(combobox)
    expect(listbox()).not.toBeNull()
    rerender({ lockedReason: LOCKED })
    expect(listbox()).toBeNull()
    rerender({})
    expect(listbox()).toBeNull()
  })

  it('asks for its options only when it needs them, not while closed', async () => {
    const options = vi.fn(() => OPTIONS)
    render(<SelectOnlyCombobox label="Role for ann" subject="ann" value="org_user" valueLabel="User" options={options} onChange={() => undefined} />)
    expect(options).not.toHaveBeenCalled()
    await userEvent.setup().click(screen.getByRole('combobox', { name: 'Role for ann' }))
    expect(options).toHaveBeenCalled()
    expect(screen.getAllByRole('option')).toHaveLength(4)
  })

  describe('locked', () => {
    const note = () => document.querySelector('.combobox-note')

    it('is reachable by Tab, says why on hover and on click, and never opens its list or changes', async () => {
      const { combobox, listbox, onChange, user } = setup({ lockedReason: LOCKED })
      expect(combobox.getAttribute('aria-disabled')).toBe('true')
      expect(combobox.getAttribute('aria-haspopup')).toBeNull()
      expect(combobox.getAttribute('title')).toBe(LOCKED)
      await user.tab()
      expect(document.activeElement).toBe(combobox)
      await user.click(combobox)
      expect(listbox()).toBeNull()
      expect(note()?.textContent).toBe(LOCKED)
      expect(combobox.getAttribute('aria-expanded')).toBe('false')
      await user.click(combobox)
      expect(note()).toBeNull()
      await user.keyboard('{ArrowDown}{Enter}')
      expect(listbox()).toBeNull()
      expect(onChange).not.toHaveBeenCalled()
    })

    it('the keys show and hide the reason; Escape, Tab and a click elsewhere close it', async () => {
      const { combobox, user } = setup({ lockedReason: LOCKED })
      combobox.focus()
      await user.keyboard('{Enter}')
      expect(note()).not.toBeNull()
      await user.keyboard('{Escape}')
      expect(note()).toBeNull()
      await user.keyboard(' ')
      expect(note()).not.toBeNull()
      await user.tab()
      expect(note()).toBeNull()
      await user.click(combobox)
      await user.click(screen.getByRole('button', { name: 'Elsewhere' }))
      expect(note()).toBeNull()
    })

    it('a reason shown when the control gets unlocked closes; the next click opens the list', async () => {
      const { combobox, listbox, user, rerender } = setup({ lockedReason: LOCKED })
      await user.click(combobox)
      rerender({ lockedReason: null })
      expect(note()).toBeNull()
      expect(combobox.getAttribute('aria-haspopup')).toBe('listbox')
      // Locked again: the reason shown before does not come back by itself.
      rerender({})
      expect(note()).toBeNull()
      rerender({ lockedReason: null })
      await user.click(combobox)
      expect(listbox()).not.toBeNull()
    })
  })

  it('the value it shows follows the value it is given', async () => {
    render(<Controlled />)
    const user = userEvent.setup()
    const combobox = screen.getByRole('combobox', { name: 'Role for ann' })
    await user.click(combobox)
    await user.click(screen.getByRole('option', { name: 'Publisher' }))
    expect(combobox.textContent).toBe('Publisher')
    await user.click(combobox)
    expect(screen.getByRole('option', { name: 'Publisher' }).getAttribute('aria-selected')).toBe('true')
  })
})
