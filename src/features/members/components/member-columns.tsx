import { createColumnHelper, rowPaginationFeature, rowSortingFeature, tableFeatures } from '@tanstack/react-table'
import type { SortField } from '../api/search-view.ts'
import type { Member } from '../types.ts'
import { DateAddedCell, EmailCell, LastSignInCell, LoginTypeCell, NameCell, StatusCell, UserTypeCell } from './member-cells.tsx'
import { RoleCell } from './role-cell.tsx'
import { RowActions } from './row-actions.tsx'
import { SelectAllOnPageCheckbox, SelectionCheckbox } from './selection-checkbox.tsx'

export const memberTableFeatures = tableFeatures({ rowSortingFeature, rowPaginationFeature })
export type MemberTableFeatures = typeof memberTableFeatures

const column = createColumnHelper<MemberTableFeatures, Member>()

/** Column ids that are also portal sort fields sort from their header. */
export const SORTABLE_COLUMNS = new Set<string>(['fullname', 'role', 'userlicensetype', 'lastlogin', 'created'] satisfies SortField[])

// Module scope: stable columns keep react-table from rebuilding its models every render.
export const memberColumns = column.columns([
  column.display({
    id: 'select',
    header: ({ table }) => (
      <>
        {/* A header needs text for screen readers even when its checkbox is not offered. */}
        <span className="visually-hidden">Selection</span>
        <SelectAllOnPageCheckbox members={table.getRowModel().rows.map((row) => row.original)} />
      </>
    ),
    cell: ({ row }) => <SelectionCheckbox member={row.original} />,
    enableSorting: false,
  }),
  column.accessor('fullName', { id: 'fullname', header: 'Name', cell: ({ row }) => <NameCell member={row.original} /> }),
  column.accessor('email', { id: 'email', header: 'Email', enableSorting: false, cell: ({ row }) => <EmailCell member={row.original} /> }),
  column.accessor('role', { id: 'role', header: 'Role', cell: ({ row }) => <RoleCell member={row.original} /> }),
  column.accessor('userLicenseTypeId', {
    id: 'userlicensetype',
    header: 'User type',
    cell: ({ row }) => <UserTypeCell member={row.original} />,
  }),
  column.accessor('disabled', { id: 'status', header: 'Status', enableSorting: false, cell: ({ row }) => <StatusCell member={row.original} /> }),
  column.accessor('provider', {
    id: 'provider',
    header: 'Login type',
    enableSorting: false,
    cell: ({ row }) => <LoginTypeCell member={row.original} />,
  }),
  column.accessor('lastLogin', {
    id: 'lastlogin',
    header: 'Last sign-in',
    sortDescFirst: true,
    cell: ({ row }) => <LastSignInCell member={row.original} />,
  }),
  column.accessor('created', {
    id: 'created',
    header: 'Date added',
    sortDescFirst: true,
    cell: ({ row }) => <DateAddedCell member={row.original} />,
  }),
  column.display({
    id: 'actions',
    header: () => <span className="visually-hidden">Actions</span>,
    cell: ({ row }) => <RowActions member={row.original} />,
    enableSorting: false,
  }),
])
