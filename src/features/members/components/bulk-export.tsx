import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Download } from '../../../lib/icons.ts'
import { useState } from 'react'
import { formatNumber } from '../../../lib/format.ts'
import { downloadCsv, fetchAllMembers, membersToCsv } from '../api/export-members.ts'
import { memberQueries } from '../api/member-queries.ts'
import type { MemberSearchParams } from '../api/search-query.ts'
import { MAX_PAGEABLE } from '../api/search-members.ts'
import { useMemberSelection } from '../hooks/use-member-selection.ts'
import { MenuButton } from './row-actions-menu-button.tsx'

const fileName = (what: string) => `members-${what}-${new Date().toISOString().slice(0, 10)}.csv`

/** "Export CSV": the current view (every matching member, up to 10,000) or the selection. */
export function BulkExport({ viewParams: params }: { viewParams: MemberSearchParams }) {
  const selection = useMemberSelection()
  const queryClient = useQueryClient()
  const list = useQuery({ ...memberQueries.list(params), enabled: false })
  const [status, setStatus] = useState('')
  const [busy, setBusy] = useState(false)

  const exportMembers = async (what: 'view' | 'selection') => {
    setBusy(true)
    try {
      const [roles, userTypes] = await Promise.all([
        queryClient.ensureQueryData(memberQueries.roles()),
        queryClient.ensureQueryData(memberQueries.userTypes()),
      ])
      if (what === 'selection') {
        downloadCsv(fileName('selected'), membersToCsv(selection.members, roles, userTypes))
        setStatus(`Exported ${selection.count} selected members.`)
        return
      }
      const { members, total } = await fetchAllMembers({ ...params, start: 1, num: 100 }, (loaded, of) =>
        setStatus(`Exporting ${formatNumber(loaded)} of ${formatNumber(of)}…`),
      )
      downloadCsv(fileName('view'), membersToCsv(members, roles, userTypes))
      setStatus(
        total > MAX_PAGEABLE
          ? `Exported the first ${formatNumber(members.length)} of ${formatNumber(total)} members (a search pages through at most ${formatNumber(MAX_PAGEABLE)}).`
          : `Exported ${formatNumber(members.length)} members.`,
      )
    } catch (error) {
      setStatus(`Export failed: ${error instanceof Error ? error.message : String(error)}`)
    } finally {
      setBusy(false)
    }
  }

  const total = list.data?.total
  return (
    <>
      <MenuButton
        className="button"
        menuLabel="Export CSV"
        placement="bottom end"
        isPending={busy}
        items={[
          { id: 'view', label: total === undefined ? 'Current view' : `Current view (${formatNumber(total)} members)` },
          { id: 'selection', label: `Selected members (${selection.count})`, isDisabled: selection.count === 0 },
        ]}
        onAction={(id) => void exportMembers(id as 'view' | 'selection')}
      >
        <Download size={16} aria-hidden="true" /> Export CSV
      </MenuButton>
      <span role="status" className="bulk-export__status">
        {status}
      </span>
    </>
  )
}
