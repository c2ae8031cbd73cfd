import { render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { SkippedList } from './dialog-frame.tsx'

const NEVER = 'Has never signed in; only members who have signed in can be disabled.'

describe('SkippedList', () => {
  it('says each reason once, with every member it applies to', () => {
    render(
      <SkippedList
        skipped={[
          { member: { username: 'nora', fullName: 'Nora Never' }, reason: NEVER },
          { member: { username: 'admin' }, reason: 'You cannot disable yourself.' },
          { member: { username: 'ned' }, reason: NEVER },
          { member: { username: 'nell', fullName: 'Nell N.' }, reason: NEVER },
        ]}
      />,
    )
    const region = screen.getByRole('region', { name: 'Skipped (4)' })
    const reasons = within(region).getAllByRole('listitem').filter((item) => item.classList.contains('skipped-reason'))
    expect(reasons.map((item) => item.firstChild?.textContent)).toEqual([NEVER, 'You cannot disable yourself.'])
    expect(reasons[0]!.textContent).toContain(`${NEVER} (3)`)
    expect(within(reasons[0]!).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Nora Never (nora)', 'ned', 'Nell N. (nell)'])
    // One member: no count.
    expect(reasons[1]!.textContent).toBe('You cannot disable yourself.admin')
  })
})
