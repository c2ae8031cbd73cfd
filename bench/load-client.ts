import type { Random } from '../server/seed/random.ts'
import type { OwnMember } from './load-database.ts'
import {
  call, expectAllSucceeded, expectResults, expectSuccess, expectTypes, expectUser, type Recorder, type Session,
} from './load-http.ts'
import { randomSearch, type SearchParams, typingSearches } from './load-mix.ts'

/** Shared by every client: the driver swaps the recorder after the warm-up and sets the end. */
export interface Phase {
  recorder: Recorder
  /** performance.now() value after which no client starts another action. */
  endsAt: number
}

export interface AdministratorSetup {
  session: Session
  random: Random
  /** Members only this client changes. */
  own: OwnMember[]
  sampleUsernames: string[]
  /** Pause between actions, ms: a person reading the page. */
  think: [min: number, max: number]
}

// How often each action is chosen. About a quarter of the actions change a member;
// each change is followed by the list refresh the console makes.
const ACTIONS = {
  search: 28,
  typeName: 12,
  nextPage: 14,
  openMember: 17,
  userTypes: 4,
  filterCounts: 3,
  changeRole: 11,
  toggleDisabled: 8,
  bulkDisabled: 3,
}
type Action = keyof typeof ACTIONS

const SEARCH_PATH = 'portals/self/users/search'
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** One simulated administrator: picks an action, does it, thinks, until the phase ends. */
export async function runAdministrator(setup: AdministratorSetup, phase: Phase): Promise<void> {
  const { session, random, own } = setup
  let lastSearch: SearchParams = { num: '25', sortField: 'username', sortOrder: 'asc' }
  let lastUsernames: string[] = []
  let nextStart = -1

  const search = async (params: SearchParams, kind = 'search') => {
    const body = await call(phase.recorder, session, kind, { path: SEARCH_PATH, params, expect: expectResults })
    if (!body) return
    lastSearch = params
    lastUsernames = body.results.map((m: { username: string }) => m.username)
    nextStart = body.nextStart
  }
  const refresh = () => search(lastSearch, 'search (refresh after change)')
  const mine = () => random.pick(own)

  const actions: Record<Action, () => Promise<void>> = {
    search: () => search(randomSearch(random, Date.now())),
    async typeName() {
      for (const params of typingSearches(random)) {
        await search(params, 'search (typing)')
        await pause(random.int(150, 350))
      }
    },
    nextPage: () =>
      nextStart > 0 ? search({ ...lastSearch, start: String(nextStart) }, 'next page') : search(randomSearch(random, Date.now())),
    async openMember() {
      const username = random.pick(lastUsernames.length ? lastUsernames : setup.sampleUsernames)
      await call(phase.recorder, session, 'get member', { path: `community/users/${encodeURIComponent(username)}`, expect: expectUser })
    },
    async userTypes() {
      await call(phase.recorder, session, 'user types', { path: 'portals/self/userLicenseTypes', expect: expectTypes })
    },
    async filterCounts() {
      const type = random.pick(['role', 'userLicenseType', 'status'])
      await call(phase.recorder, session, 'filter counts', { path: 'portals/self/users/counts', params: { type }, expect: expectResults })
    },
    async changeRole() {
      const member = mine()
      const role = member.role === 'org_user' ? 'org_publisher' : 'org_user'
      const params = { user: member.username, role }
      if (await call(phase.recorder, session, 'change role', { path: 'portals/self/updateUserRole', params, method: 'POST', expect: expectSuccess }))
        member.role = role
      await refresh()
    },
    async toggleDisabled() {
      const member = mine()
      const path = `community/users/${encodeURIComponent(member.username)}/${member.disabled ? 'enable' : 'disable'}`
      if (await call(phase.recorder, session, member.disabled ? 'enable' : 'disable', { path, method: 'POST', expect: expectSuccess }))
        member.disabled = !member.disabled
      await refresh()
    },
    async bulkDisabled() {
      const enabled = own.filter((m) => !m.disabled)
      const disable = enabled.length >= 2
      const members = disable ? enabled.slice(0, 2) : own.filter((m) => m.disabled)
      const path = `portals/self/${disable ? 'disableUsers' : 'enableUsers'}`
      const params = { users: members.map((m) => m.username).join(',') }
      if (await call(phase.recorder, session, disable ? 'disable (bulk)' : 'enable (bulk)', { path, params, method: 'POST', expect: expectAllSucceeded }))
        for (const m of members) m.disabled = disable
      await refresh()
    },
  }

  while (performance.now() < phase.endsAt) {
    await actions[random.weighted(ACTIONS)]()
    const [min, max] = setup.think
    if (max > 0) await pause(random.int(min, max))
  }
}
