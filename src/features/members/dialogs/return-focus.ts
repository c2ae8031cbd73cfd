import { focusIsLost, focusSoonIfLost } from '../../../lib/focus.ts'

/**
 * Where focus goes when a member dialog closes. React Aria returns it to the
 * control that opened the dialog, but after a delete (or a change that moved
 * the member out of the view) that control, the member's row, is gone and
 * focus would fall to the page's body: a keyboard user would start over from
 * the top. Then focus goes to the row now in the same place, else the last
 * row, else the empty list's "Clear search and filters", else the search box.
 */
export interface FocusReturnPoint {
  trigger: HTMLElement | null
  /** Position of the member's row among the table's body rows, or -1. */
  rowIndex: number
}

const searchBox = () => document.querySelector<HTMLElement>('input[aria-label="Search members"]')

/**
 * An emptied selection takes its menu away with focus in it; focus goes where selecting starts again ("Select
 * all on this page", else the search box), after the menu's own focus return has had its turn.
 */
export function focusWhereSelectingStarts(): void {
  focusSoonIfLost(() => document.querySelector<HTMLElement>('input[aria-label="Select all on this page"]:not(:disabled)') ?? searchBox())
}

const rowActions = (row: Element) => row.querySelector<HTMLElement>('button[aria-label^="More options for "]')

function rowOfMember(username: string): HTMLTableRowElement | null {
  const button = document.querySelector(`button[aria-label="More options for ${CSS.escape(username)}"]`)
  return button?.closest('tr') ?? null
}

/** Taken when a dialog opens: the focused control, and the row of the (first) member it acts on. */
export function focusReturnPoint(usernames: readonly string[]): FocusReturnPoint {
  const trigger = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null
  const row = trigger?.closest('tr') ?? (usernames[0] ? rowOfMember(usernames[0]) : null)
  const rows = row?.parentElement ? [...row.parentElement.children] : []
  return { trigger, rowIndex: row ? rows.indexOf(row) : -1 }
}

/** Run after the dialog has closed (and React Aria has had its turn). */
export function restoreFocus(point: FocusReturnPoint): void {
  if (!focusIsLost()) return
  if (point.trigger?.isConnected) {
    point.trigger.focus()
    return
  }
  const rows = [...document.querySelectorAll('table tbody tr')].filter((row) => rowActions(row))
  const row = rows.length > 0 ? rows[Math.min(Math.max(point.rowIndex, 0), rows.length - 1)] : undefined
  const target =
    (row && rowActions(row)) ??
    [...document.querySelectorAll<HTMLButtonElement>('table button')].find((b) => b.textContent?.trim() === 'Clear search and filters') ??
    searchBox()
  target?.focus()
}
