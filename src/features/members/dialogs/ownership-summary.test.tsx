import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { OwnershipList } from './ownership-summary.tsx'
import type { Ownership } from './use-member-ownership.ts'

const ready = (items: number, groups: number, folders = 1): Ownership => ({
  status: 'ready',
  folders: Array.from({ length: items ? folders : 0 }, (_, i) => ({ id: i ? `f${i}` : null, title: i ? `Folder ${i}` : 'Home', items: [], total: items / folders })),
  groups: [],
  itemCount: items,
  groupCount: groups,
  owns: items + groups > 0,
})
const loading: Ownership = { status: 'loading', folders: [], groups: [], itemCount: 0, groupCount: 0, owns: undefined }

describe('OwnershipList', () => {
  it('puts owners first, says only what they own, and folds everyone owning nothing into one line', () => {
    const members = ['ann', 'bob', 'cy', 'dee', 'eve', 'fay'].map((username) => ({ username }))
    const ownership = new Map([
      ['ann', ready(0, 0)],
      ['bob', ready(4, 1, 2)],
      ['cy', ready(0, 0)],
      ['dee', ready(0, 2)],
      ['eve', loading],
      ['fay', loading],
    ])
    render(<OwnershipList members={members} ownership={ownership} label="What each member owns" />)
    const lines = [...screen.getByRole('list', { name: 'What each member owns' }).children].map((line) => line.querySelector('summary')?.textContent ?? line.textContent)
    expect(lines).toEqual([
      'bob: owns 4 items in 2 folders and 1 group',
      'dee: owns 2 groups',
      'Checking what 2 members own…',
      '2 members own no items or groups',
    ])
  })

  it('one member owning nothing is named, as one being checked is', () => {
    render(
      <OwnershipList
        members={[{ username: 'ann' }, { username: 'eve' }]}
        ownership={new Map([
          ['ann', ready(0, 0)],
          ['eve', loading],
        ])}
        label="What each member owns"
      />,
    )
    expect(screen.getByRole('list').textContent).toBe('eve: checking what they own…ann: owns no items or groups.')
  })
})
