import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useRef } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { MenuButton } from '../components/row-actions-menu-button.tsx'
import { useFocusFollowsMember } from './use-focus-follows-member.ts'

const selectLabel = (username: string) => `Select ${username}`

/** A control reused by position, as the table's rows are. */
function RowControl({ username }: { username: string }) {
  const box = useRef<HTMLInputElement>(null)
  useFocusFollowsMember(box, username, selectLabel)
  return <input ref={box} type="checkbox" aria-label={selectLabel(username)} />
}

/** Two rows, showing `members` in order. */
function Rows({ members }: { members: string[] }) {
  return (
    <>
      {members.map((username, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: by position, as the table's rows
        <RowControl key={index} username={username} />
      ))}
    </>
  )
}

describe('rows reused by position', () => {
  it('a focused control lets go of focus when its row shows another member', async () => {
    const { rerender } = render(<RowControl username="ann" />)
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select ann' }))
    expect(document.activeElement).toBe(screen.getByRole('checkbox', { name: 'Select ann' }))
    // The same member again (a refresh with fresher data): focus stays.
    rerender(<RowControl username="ann" />)
    expect(document.activeElement).toBe(screen.getByRole('checkbox', { name: 'Select ann' }))
    rerender(<RowControl username="bob" />)
    const reused = screen.getByRole('checkbox', { name: 'Select bob' })
    expect(document.activeElement).not.toBe(reused)
    // Not focused: nothing to let go of, and later focus works as usual.
    rerender(<RowControl username="cy" />)
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select cy' }))
    expect(document.activeElement).toBe(screen.getByRole('checkbox', { name: 'Select cy' }))
  })

  it('when rows swap members, focus follows the member it was on', async () => {
    const { rerender } = render(<Rows members={['ann', 'bob']} />)
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select bob' }))
    const [first, second] = screen.getAllByRole('checkbox')
    expect(document.activeElement).toBe(second)
    rerender(<Rows members={['bob', 'ann']} />)
    expect(document.activeElement).toBe(first)
    expect(document.activeElement).toBe(screen.getByRole('checkbox', { name: 'Select bob' }))
    // Bob leaves the page: nothing to follow, focus is let go.
    rerender(<Rows members={['cy', 'ann']} />)
    expect(document.activeElement).not.toBe(screen.getByRole('checkbox', { name: 'Select cy' }))
    expect(document.activeElement?.getAttribute('aria-label') ?? '').not.toMatch(/^Select/)
  })

  it('in a table, focus goes to the table when the member leaves the page, not to the next member or the body', async () => {
    const table = (members: string[]) => (
      <table tabIndex={-1} aria-label="Members">
        <tbody>
          {members.map((username, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: by position, as the table's rows
            <tr key={index}>
              <td>
                <RowControl username={username} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    )
    const { rerender } = render(table(['ann', 'bob']))
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select bob' }))
    rerender(table(['ann', 'cy']))
    expect(document.activeElement).toBe(screen.getByRole('table', { name: 'Members' }))
    // A screen reader, now on the table, is told where bob went.
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('bob is no longer on this page.'))    // Its row goes altogether (fewer rows now): the same.
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select cy' }))
    rerender(table(['ann']))
    expect(document.activeElement).toBe(screen.getByRole('table', { name: 'Members' }))
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('cy is no longer on this page.'))
  })

  it("an open menu closes when its row shows another member, and never acts for them", async () => {
    const onAction = vi.fn()
    const menu = (subject: string) => (
      <MenuButton ariaLabel={`More options for ${subject}`} menuLabel={`Actions for ${subject}`} items={[{ id: 'delete', label: 'Delete member' }]} onAction={onAction} subject={subject}>
        …
      </MenuButton>
    )
    const { rerender } = render(menu('ann'))
    await userEvent.click(screen.getByRole('button', { name: 'More options for ann' }))
    expect(await screen.findByRole('menu', { name: 'Actions for ann' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'More options for ann' }).getAttribute('aria-expanded')).toBe('true')
    rerender(menu('bob'))
    expect(screen.queryByRole('menu')).toBeNull()
    expect(screen.getByRole('button', { name: 'More options for bob' }).getAttribute('aria-expanded')).toBe('false')
    // Ann back in that row (a refresh, Next then Previous): her menu stays closed.
    rerender(menu('ann'))
    expect(screen.queryByRole('menu')).toBeNull()
    expect(screen.getByRole('button', { name: 'More options for ann' }).getAttribute('aria-expanded')).toBe('false')
    expect(onAction).not.toHaveBeenCalled()
  })
})
