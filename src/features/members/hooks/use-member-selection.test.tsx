import { act, render, renderHook, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import { SelectAllOnPageCheckbox, SelectionCheckbox } from '../components/selection-checkbox.tsx'
import { fullAdminSession, makeWrapper, member, members, storageKeyFor } from './selection-test-utils.tsx'
import { SELECTION_LIMIT, useMemberSelection } from './use-member-selection.ts'

const KEY = 'test.selection'
beforeEach(() => sessionStorage.clear())

describe('useMemberSelection', () => {
  it('keeps at most 100 members and says how many the limit kept out', () => {
    const { result } = renderHook(() => useMemberSelection(), { wrapper: makeWrapper(KEY) })
    let outcome = { added: 0, leftOut: 0 }
    act(() => {
      outcome = result.current.addMany(members(120))
    })
    expect(outcome).toEqual({ added: 100, leftOut: 20 })
    expect(result.current.count).toBe(SELECTION_LIMIT)
    expect(result.current.isFull).toBe(true)
    expect(result.current.notice).toMatch(/20 on this page were left out/)
    act(() => result.current.setSelected(member('late'), true))
    expect(result.current.isSelected('late')).toBe(false)
    expect(result.current.count).toBe(100)
  })

  it('survives a remount (a reload of the tab) through sessionStorage', () => {
    const wrapper = makeWrapper(KEY)
    const first = renderHook(() => useMemberSelection(), { wrapper })
    act(() => {
      first.result.current.setSelected(member('pat', { fullName: 'Pat Publisher' }), true)
      first.result.current.setSelected(member('Uma'), true)
    })
    first.unmount()
    const second = renderHook(() => useMemberSelection(), { wrapper })
    expect(second.result.current.members.map((m) => m.username)).toEqual(['pat', 'Uma'])
    expect(second.result.current.members[0]!.fullName).toBe('Pat Publisher')
    // Usernames compare case-insensitively, as on the portal.
    expect(second.result.current.isSelected('UMA')).toBe(true)
    second.unmount()
    // Another administrator signing in on this tab starts with nothing selected.
    const other = renderHook(() => useMemberSelection(), {
      wrapper: makeWrapper(KEY, undefined, { ...fullAdminSession, username: 'admin2' }),
    })
    expect(other.result.current.count).toBe(0)
  })

  it('starts empty when storage holds something broken, and keeps only well-formed entries', () => {
    sessionStorage.setItem(storageKeyFor(KEY), '{"not":"a list"')
    const broken = renderHook(() => useMemberSelection(), { wrapper: makeWrapper(KEY) })
    expect(broken.result.current.count).toBe(0)
    broken.unmount()
    sessionStorage.setItem(storageKeyFor(KEY), JSON.stringify([{ username: 'pat', disabled: 'yes', lastLogin: 'never' }, { fullName: 'no username' }, 42]))
    const { result } = renderHook(() => useMemberSelection(), { wrapper: makeWrapper(KEY) })
    expect(result.current.members).toEqual([
      expect.objectContaining({ username: 'pat', disabled: false, lastLogin: -1, role: 'org_user', provider: 'arcgis' }),
    ])
  })

  it('removes, clears and refreshes saved summaries', () => {
    const { result } = renderHook(() => useMemberSelection(), { wrapper: makeWrapper(KEY) })
    act(() => void result.current.addMany(members(3)))
    act(() => result.current.removeMany(['M001']))
    expect(result.current.members.map((m) => m.username)).toEqual(['m000', 'm002'])
    act(() => result.current.refresh([member('m000', { role: 'org_publisher' }), member('other')]))
    expect(result.current.members[0]!.role).toBe('org_publisher')
    expect(result.current.isSelected('other')).toBe(false)
    act(() => result.current.clear())
    expect(result.current.count).toBe(0)
    expect(JSON.parse(sessionStorage.getItem(storageKeyFor(KEY))!)).toEqual([])
  })
})

describe('selection checkboxes', () => {
  it('disables the other boxes at 100 and says why', async () => {
    const user = userEvent.setup()
    const page = members(101)
    render(
      <>
        <SelectAllOnPageCheckbox members={page.slice(0, 100)} />
        {page.map((m) => (
          <SelectionCheckbox key={m.username} member={m} />
        ))}
      </>,
      { wrapper: makeWrapper(KEY) },
    )
    const box = (name: string) => screen.getByRole('checkbox', { name }) as HTMLInputElement
    const description = (el: HTMLElement) =>
      (el.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ')
        .trim()
    await user.click(box('Select all on this page'))
    expect(box('Select all on this page').checked).toBe(true)
    // Blocked but focusable: aria-disabled, and a click changes nothing.
    const blocked = (name: string) => box(name).getAttribute('aria-disabled') === 'true'
    expect(blocked('Select m100')).toBe(true)
    expect(box('Select m100').disabled).toBe(false)
    expect(description(box('Select m100'))).toMatch(/At most 100 members can be selected at once/)
    await user.click(box('Select m100'))
    expect(box('Select m100').checked).toBe(false)
    expect(blocked('Select m000')).toBe(false)
    await user.click(box('Select m000'))
    expect(box('Select m000').checked).toBe(false)
    expect(blocked('Select m100')).toBe(false)
    expect(description(box('Select m100'))).toBe('')
    expect(box('Select all on this page').indeterminate).toBe(true)
  })
})
