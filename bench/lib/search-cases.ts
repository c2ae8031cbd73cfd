import type { UserSearchInput } from '../../server/search/user-search.ts'

const DAY = 86_400_000

export interface SearchCase {
  name: string
  input: UserSearchInput
}

/**
 * The mixed org searches the console sends (members-console.md): what a person
 * types, the filter menus, the sorts, and a deep page. Names and ranges fit the
 * demo organization (server/seed/names.ts); `now` anchors the date ranges.
 */
export function searchCases(now: number): SearchCase[] {
  const range = (fromDaysAgo: number, toDaysAgo: number) => `lastlogin:[${now - fromDaysAgo * DAY} TO ${now - toDaysAgo * DAY}]`
  return [
    { name: 'bare term', input: { q: 'smith', num: 25 } },
    { name: 'prefix', input: { q: 'joh*', num: 25 } },
    { name: '*contains*', input: { q: '*ill*', num: 25 } },
    { name: 'non-Latin term', input: { q: 'Παπαδόπουλος', num: 25 } },
    { name: 'fullname: phrase', input: { q: 'fullname:"anne-marie"', num: 25 } },
    { name: 'email:', input: { q: 'email:mensah', num: 25 } },
    { name: 'role filter', input: { q: 'role:org_admin', num: 25 } },
    { name: 'user type filter', input: { q: 'userlicensetype:GISProfessionalAdvUT', num: 25 } },
    { name: 'disabled', input: { q: 'disabled:true', num: 25 } },
    { name: 'signed in ≤ 30 days', input: { q: range(30, 0), num: 25 } },
    { name: 'signed in > 1 year ago', input: { q: `lastlogin:[0 TO ${now - 365 * DAY}]`, num: 25 } },
    { name: 'never signed in', input: { q: 'lastlogin:-1', num: 25 } },
    { name: 'all, sort last sign-in desc', input: { sortField: 'lastlogin', sortOrder: 'desc', num: 25 } },
    { name: 'all, sort full name', input: { sortField: 'fullname', sortOrder: 'asc', num: 25 } },
    { name: 'deep page (start 9,901)', input: { sortField: 'username', sortOrder: 'asc', start: 9901, num: 100 } },
    {
      name: 'combined',
      input: { q: `a* AND role:org_user AND -disabled:true AND ${range(90, 0)}`, sortField: 'lastlogin', sortOrder: 'desc', num: 25 },
    },
    { name: 'combined, type + term + sort', input: { q: 'userlicensetype:creatorUT AND m*', sortField: 'fullname', sortOrder: 'desc', num: 25 } },
  ]
}
