import { z } from 'zod/mini'

/**
 * The Members list view (search, filters, sort, paging) as it lives in the URL.
 * Parsing never fails: each bad value falls back to its default on its own.
 */

export const SEARCH_SCOPES = ['all', 'fullname', 'firstname', 'lastname', 'username', 'email'] as const
export const SORT_FIELDS = ['fullname', 'username', 'created', 'lastlogin', 'role', 'userlicensetype'] as const
export const PAGE_SIZES = [25, 50, 100] as const
/** Like ArcGIS, only the first 10,000 hits of a search can be paged to (portal-api.md §4). */
export const MAX_PAGEABLE = 10_000
export const STATUS_VALUES = ['enabled', 'disabled'] as const
export const LAST_SIGN_IN_VALUES = ['never', '7d', '30d', '90d', 'over90d', 'over1y'] as const
export const LOGIN_TYPES = ['arcgis', 'enterprise', 'social'] as const
export const MFA_VALUES = ['on', 'off'] as const

export type SearchScope = (typeof SEARCH_SCOPES)[number]
export type SortField = (typeof SORT_FIELDS)[number]
export type LastSignIn = (typeof LAST_SIGN_IN_VALUES)[number]
export type LoginType = (typeof LOGIN_TYPES)[number]

// Role and user type ids are opaque but plain: anything else in the URL is noise.
const ID_PATTERN = /^[A-Za-z0-9_]{1,64}$/

/** Comma-joined list in the URL; keeps the values `accept` allows, de-duplicated, in order. */
function list<T extends string>(accept: (value: string) => value is T) {
  return z.catch(
    z.pipe(
      z.string(),
      z.transform((raw) => [...new Set(raw.split(','))].filter(accept)),
    ),
    [],
  )
}

const oneOf =
  <T extends string>(values: readonly T[]) =>
  (value: string): value is T =>
    (values as readonly string[]).includes(value)
const isId = (value: string): value is string => ID_PATTERN.test(value)

/** The longest search the box takes; a longer `q` in a URL is dropped. */
export const MAX_SEARCH_LENGTH = 200

// zod/mini: the same parsing as zod at a fraction of the bundle (the URL parser is in the initial JS).
export const viewSchema = z.object({
  q: z.catch(z.string().check(z.maxLength(MAX_SEARCH_LENGTH)), ''),
  in: z.catch(z.enum(SEARCH_SCOPES), 'all'),
  role: list(isId),
  type: list(isId),
  status: z.catch(z.optional(z.enum(STATUS_VALUES)), undefined),
  signin: z.catch(z.optional(z.enum(LAST_SIGN_IN_VALUES)), undefined),
  login: list(oneOf(LOGIN_TYPES)),
  mfa: z.catch(z.optional(z.enum(MFA_VALUES)), undefined),
  sort: z.catch(z.enum(SORT_FIELDS), 'fullname'),
  order: z.catch(z.enum(['asc', 'desc']), 'asc'),
  // Past the last page that can be paged to is clamped in parseView, not reset to 1: a link to a page too far lands on the last one.
  page: z.catch(z.coerce.number().check(z.int(), z.minimum(1)), 1),
  size: z.catch(z.pipe(z.coerce.number(), z.literal(PAGE_SIZES)), 25),
})

export type MembersView = z.infer<typeof viewSchema>
export type ViewKey = keyof MembersView

export const DEFAULT_VIEW: MembersView = viewSchema.parse({})

/** Reads a view from URL search params; unknown keys are ignored, bad values become defaults. */
export function parseView(params: URLSearchParams): MembersView {
  const raw: Record<string, string> = {}
  for (const key of Object.keys(viewSchema.shape)) {
    const value = params.get(key)
    if (value !== null) raw[key] = value
  }
  const view = viewSchema.parse(raw)
  // A page ending past the 10,000th hit would be refused by the portal: go to the last one that can be shown.
  view.page = Math.min(view.page, Math.floor(MAX_PAGEABLE / view.size))
  return view
}

/** Writes a view as URL params, leaving out every default so links stay short. */
export function serializeView(view: MembersView): URLSearchParams {
  const params = new URLSearchParams()
  for (const key of Object.keys(viewSchema.shape) as ViewKey[]) {
    const value = view[key]
    const fallback = DEFAULT_VIEW[key]
    if (value === undefined) continue
    if (Array.isArray(value)) {
      if (value.length) params.set(key, value.join(','))
    } else if (value !== fallback) {
      params.set(key, String(value))
    }
  }
  return params
}

/** The filters that are set, in display order (drives chips and "Clear all filters"). */
export const FILTER_KEYS = ['role', 'type', 'status', 'signin', 'login', 'mfa'] as const
export type FilterKey = (typeof FILTER_KEYS)[number]

export function hasFilters(view: MembersView): boolean {
  return FILTER_KEYS.some((key) => {
    const value = view[key]
    return Array.isArray(value) ? value.length > 0 : value !== undefined
  })
}
