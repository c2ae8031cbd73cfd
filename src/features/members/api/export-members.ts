import { providerLabel } from '../components/member-labels.ts'
import { toCsv } from '../domain/csv.ts'
import { roleNameOf, userTypeNameOf } from '../domain/member-facts.ts'
import type { Member, Role, UserType } from '../types.ts'
import type { MemberSearchParams } from './search-query.ts'
import { MAX_PAGEABLE, searchMembers } from './search-members.ts'

export type ExportableMember = Pick<
  Member,
  'username' | 'fullName' | 'email' | 'role' | 'roleId' | 'userLicenseTypeId' | 'disabled' | 'lastLogin' | 'provider' | 'mfaEnabled' | 'created'
>

const PAGE = 100

/**
 * Every member of a view, not only the page on screen: 100 per request, a few
 * requests at a time, up to the 10,000 a search can page through.
 */
export async function fetchAllMembers(
  params: MemberSearchParams,
  onProgress: (loaded: number, total: number) => void,
  signal?: AbortSignal,
): Promise<{ members: Member[]; total: number }> {
  const first = await searchMembers({ ...params, start: 1, num: PAGE }, signal)
  const total = Math.min(first.total, MAX_PAGEABLE)
  const pages: Member[][] = [first.results]
  let loaded = first.results.length
  onProgress(loaded, total)
  const starts: number[] = []
  for (let start = PAGE + 1; start <= total; start += PAGE) starts.push(start)
  const concurrency = 4
  for (let i = 0; i < starts.length; i += concurrency) {
    const batch = await Promise.all(starts.slice(i, i + concurrency).map((start) => searchMembers({ ...params, start, num: PAGE }, signal)))
    for (const page of batch) {
      pages.push(page.results)
      loaded += page.results.length
    }
    onProgress(loaded, total)
  }
  // Members can change while paging: keep each username once.
  const seen = new Set<string>()
  const members = pages.flat().filter((m) => !seen.has(m.username) && seen.add(m.username))
  return { members, total: first.total }
}

const iso = (epochMs: number) => (epochMs > 0 ? new Date(epochMs).toISOString() : '')

export function membersToCsv(members: readonly ExportableMember[], roles: readonly Role[], userTypes: readonly UserType[]): string {
  return toCsv([
    ['Username', 'Full name', 'Email', 'Role', 'User type', 'Status', 'Login type', 'MFA', 'Last sign-in', 'Created'],
    ...members.map((m) => [
      m.username,
      m.fullName,
      m.email,
      roleNameOf(m, roles),
      userTypeNameOf(m.userLicenseTypeId, userTypes),
      m.disabled ? 'Disabled' : 'Enabled',
      providerLabel(m.provider),
      m.mfaEnabled ? 'On' : 'Off',
      m.lastLogin > 0 ? iso(m.lastLogin) : 'Never',
      iso(m.created),
    ]),
  ])
}

/** Hands the file to the browser's download (a UTF-8 BOM so spreadsheets read accents right). */
export function downloadCsv(filename: string, csv: string): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }))
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
