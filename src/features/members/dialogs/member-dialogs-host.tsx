import { onDemand } from '../../../app/on-demand.tsx'
import {
  type ComponentType,
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
} from 'react'
import type { MemberSummary } from '../hooks/use-member-selection.ts'
import { type FocusReturnPoint, focusReturnPoint, restoreFocus } from './return-focus.ts'

/**
 * One place that opens the action dialogs, for the bulk buttons and every row
 * menu alike. Each dialog is its own chunk, loaded when first opened, so the
 * list's initial bundle stays small (quality.md: dialogs load on demand).
 */
type DialogModule = { default: ComponentType<MemberDialogProps> }

const LOADERS = {
  changeRole: () => import('./change-role-dialog.tsx'),
  userType: () => import('./user-type-dialog.tsx'),
  resetPassword: () => import('./reset-password-dialog.tsx'),
  disable: () => import('./disable-dialog.tsx'),
  enable: () => import('./enable-dialog.tsx'),
  delete: () => import('./delete-dialog.tsx'),
  profile: () => import('./profile-dialog.tsx'),
} satisfies Record<string, () => Promise<DialogModule>>

export type MemberDialogKind = keyof typeof LOADERS

const DIALOGS = Object.fromEntries(Object.entries(LOADERS).map(([kind, load]) => [kind, onDemand<MemberDialogProps>(load)])) as Record<
  MemberDialogKind,
  ReturnType<typeof onDemand<MemberDialogProps>>
>

/** Every dialog gets the members it acts on (a copy: the selection may change under it) and a way to close. */
export interface MemberDialogProps {
  members: MemberSummary[]
  onClose(): void
}

interface OpenDialog {
  kind: MemberDialogKind
  members: MemberSummary[]
}

interface MemberDialogs {
  open(kind: MemberDialogKind, members: readonly MemberSummary[]): void
  /** Starts fetching a dialog's code (on hover/focus of its button) so opening feels instant. */
  preload(kind: MemberDialogKind): void
}

const DialogsContext = createContext<MemberDialogs | null>(null)

export function MemberDialogsProvider({ children }: { children?: ReactNode }) {
  const [current, setCurrent] = useState<OpenDialog | null>(null)
  const returnPoint = useRef<FocusReturnPoint | null>(null)
  const open = useCallback((kind: MemberDialogKind, members: readonly MemberSummary[]) => {
    returnPoint.current = focusReturnPoint(members.map((m) => m.username))
    setCurrent({ kind, members: [...members] })
  }, [])
  const preload = useCallback((kind: MemberDialogKind) => DIALOGS[kind].preload(), [])
  const close = useCallback(() => {
    setCurrent(null)
    const point = returnPoint.current
    // After React has removed the dialog and React Aria has restored what focus it could.
    if (point) window.setTimeout(() => restoreFocus(point), 0)
  }, [])
  const value = useMemo(() => ({ open, preload }), [open, preload])
  const Dialog = current ? DIALOGS[current.kind].Component : null
  return (
    <DialogsContext.Provider value={value}>
      {children}
      {Dialog && current && (
        <Dialog members={current.members} onClose={close} onDismiss={close} />
      )}
    </DialogsContext.Provider>
  )
}

export function useMemberDialogs(): MemberDialogs {
  const dialogs = useContext(DialogsContext)
  if (!dialogs) throw new Error('useMemberDialogs must be used inside MemberSelectionProvider')
  return dialogs
}
