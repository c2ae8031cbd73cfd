import { ChevronDown, X } from '../../../lib/icons.ts'
import { focusWhereSelectingStarts } from '../dialogs/return-focus.ts'
import { useMemberSelection } from '../hooks/use-member-selection.ts'
import { type MenuEntry, MenuButton } from './row-actions-menu-button.tsx'
import './selection.css'

const CLEAR = 'clear-selection'
const DESELECT = 'deselect:'

/** "N members selected": the whole selection (also members not on this page), each removable, or all at once. */
export function SelectionMenu() {
  const selection = useMemberSelection()
  const label = selection.count === 1 ? '1 member selected' : `${selection.count} members selected`
  const items: MenuEntry[] = [
    { id: CLEAR, label: 'Clear selection', separatorAfter: true },
    ...selection.members.map((member) => ({
      id: `${DESELECT}${member.username}`,
      label: member.username,
      ariaLabel: `Deselect ${member.username}`,
      keepOpen: true,
      content: (
        <span className="selection-menu__entry">
          <X size={14} aria-hidden="true" />
          <span>
            {member.fullName || member.username}
            {member.fullName && <span className="selection-menu__username"> ({member.username})</span>}
          </span>
        </span>
      ),
    })),
  ]
  return (
    <div className="selection-menu">
      {selection.count > 0 && (
        <MenuButton
          className="button selection-menu__button"
          menuLabel="Selected members"
          items={items}
          onAction={(id) => {
            if (id === CLEAR || selection.count === 1) focusWhereSelectingStarts()
            if (id === CLEAR) selection.clear()
            else selection.removeMany([id.slice(DESELECT.length)])
          }}
        >
          {label} <ChevronDown size={16} aria-hidden="true" />
        </MenuButton>
      )}
      <p role="status" className="selection-menu__notice">
        {selection.notice ?? (selection.isFull ? `Selection full: at most ${selection.limit} members at once.` : '')}
      </p>
    </div>
  )
}
