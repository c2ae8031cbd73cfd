import { createContext, createElement, type ReactNode, useContext, useMemo, useState } from 'react';

/** Minimal placeholder; grows into the full selection store. */
export interface SelectedMember {
  username: string;
  fullName?: string;
}

interface MemberSelection {
  selected: Map<string, SelectedMember>;
}

const SelectionContext = createContext<MemberSelection | null>(null);

export function MemberSelectionProvider({ children }: { children: ReactNode }) {
  const [selected] = useState(() => new Map<string, SelectedMember>());
  const value = useMemo(() => ({ selected }), [selected]);
  return createElement(SelectionContext.Provider, { value }, children);
}

export function useMemberSelection(): MemberSelection {
  const ctx = useContext(SelectionContext);
  if (!ctx) throw new Error('useMemberSelection must be used inside MemberSelectionProvider');
  return ctx;
}
