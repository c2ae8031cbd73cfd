import * as lucide from 'lucide-react'
import { memo } from 'react'

/**
 * The console's icons: lucide's, memoized. A lucide icon builds its SVG anew
 * every time its parent renders, and the toolbar, headers and pagination all
 * render again on every page change: ~4 ms of each "Next page" went to
 * rebuilding ~25 unchanged icons (CPU profile, bench/README.md). With the same
 * props (they never change here) a memoized icon is left alone.
 */
export const ArrowDown = memo(lucide.ArrowDown)
export const ArrowDownWideNarrow = memo(lucide.ArrowDownWideNarrow)
export const ArrowUp = memo(lucide.ArrowUp)
export const ArrowUpDown = memo(lucide.ArrowUpDown)
export const ArrowUpNarrowWide = memo(lucide.ArrowUpNarrowWide)
export const ChevronDown = memo(lucide.ChevronDown)
export const ChevronFirst = memo(lucide.ChevronFirst)
export const ChevronLast = memo(lucide.ChevronLast)
export const ChevronLeft = memo(lucide.ChevronLeft)
export const ChevronRight = memo(lucide.ChevronRight)
export const Download = memo(lucide.Download)
export const LogIn = memo(lucide.LogIn)
export const LogOut = memo(lucide.LogOut)
export const MoreHorizontal = memo(lucide.MoreHorizontal)
export const Search = memo(lucide.Search)
export const UserRound = memo(lucide.UserRound)
export const X = memo(lucide.X)
