import { useEffect, useId, useRef } from 'react'
import { announce } from '../../../lib/announce.ts'
import { type MemberSummary, SELECTION_LIMIT, useMemberSelection } from '../hooks/use-member-selection.ts'
import { useFocusFollowsMember } from '../hooks/use-focus-follows-member.ts'
import './selection.css'

const selectLabel = (username: string) => `Select ${username}`
const LIMIT_REASON = `At most ${SELECTION_LIMIT} members can be selected at once. Deselect some to select others.`

/** Why a box is disabled, as its accessible description (and a tooltip for pointer users). */
function LimitReason({ id }: { id: string }) {
  return (
    <span id={id} className="visually-hidden">
      {LIMIT_REASON}
    </span>
  )
}

/**
 * A box the limit blocks stays focusable (aria-disabled, not disabled): Tab
 * still reaches it and a screen reader reads why; a click or Space changes
 * nothing and says why again.
 */
function blockedProps(blocked: boolean, reasonId: string) {
  return {
    'aria-disabled': blocked || undefined,
    'aria-describedby': blocked ? reasonId : undefined,
    title: blocked ? LIMIT_REASON : undefined,
  }
}

/**
 * The row checkbox "Select <username>"; blocked, saying why, once 100 are
 * selected. A native checkbox: one per row of up to 100 rows, it is the
 * lightest accessible control there is.
 */
export function SelectionCheckbox({ member }: { member: MemberSummary }) {
  const { isSelected, isFull, setSelected, refresh } = useMemberSelection()
  const selected = isSelected(member.username)
  const blocked = !selected && isFull
  const reasonId = useId()
  const box = useRef<HTMLInputElement>(null)
  useFocusFollowsMember(box, member.username, selectLabel)

  // A selected member shown with fresher data (after a change) updates what the selection keeps.
  useEffect(() => {
    if (selected) refresh([member])
  }, [selected, member, refresh])

  return (
    <>
      <input
        ref={box}
        type="checkbox"
        className="selection-checkbox"
        aria-label={selectLabel(member.username)}
        {...blockedProps(blocked, reasonId)}
        checked={selected}
        onChange={(event) => (blocked ? announce(LIMIT_REASON) : setSelected(member, event.target.checked))}
      />
      {blocked && <LimitReason id={reasonId} />}
    </>
  )
}

/**
 * "Select all on this page": adds what fits under the limit (the selection menu says when some did not).
 * Checked, or partly checked with the selection full, it deselects this page's members: a select-all
 * the limit cut short is undone as it was done. Blocked only when the selection is full and holds
 * nobody on this page.
 */
export function SelectAllOnPageCheckbox({ members }: { members: readonly MemberSummary[] }) {
  const selection = useMemberSelection()
  const selectedHere = members.filter((m) => selection.isSelected(m.username)).length
  const all = members.length > 0 && selectedHere === members.length
  const some = selectedHere > 0 && !all
  const deselects = all || (some && selection.isFull)
  const blocked = selection.isFull && selectedHere === 0
  const reasonId = useId()
  const ref = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = some
  }, [some])
  return (
    <>
      <input
        ref={ref}
        type="checkbox"
        className="selection-checkbox"
        aria-label="Select all on this page"
        {...blockedProps(blocked, reasonId)}
        checked={all}
        disabled={members.length === 0}
        onChange={() => {
          if (blocked) announce(LIMIT_REASON)
          else if (deselects) selection.removeMany(members.map((m) => m.username))
          else selection.addMany(members)
        }}
      />
      {blocked && <LimitReason id={reasonId} />}
    </>
  )
}
