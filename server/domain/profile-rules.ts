import { badRequest } from '../http/errors.ts'
import { type Params, parseList } from '../http/params.ts'

/** The profile fields a member (or an administrator for them) may edit. */
export interface ProfileFields {
  fullName: string
  firstName: string
  lastName: string
  email: string
  description: string
  culture: string
  region: string
  units: string
  tags: string[]
}

const MAX_NAME = 128
const MAX_FULL_NAME = 255
const MAX_EMAIL = 254
const MAX_DESCRIPTION = 32_000
const MAX_TAGS = 128
const MAX_TAG = 256
// Deliberately loose: one @, no spaces, a dot in the domain. Delivery is the real check.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const CULTURE = /^[a-z]{2,3}(-[a-z0-9]{2,8})?$/i
const REGION = /^[a-z]{2}$/i
const UNITS = ['english', 'metric']
const CONTROL = /\p{Cc}/u

function text(name: string, value: string, max: number, singleLine = true): string {
  const trimmed = value.trim()
  if (trimmed.length > max) throw badRequest('INVALID_PARAMETER', `'${name}' is longer than ${max} characters. Shorten it.`)
  if (singleLine && CONTROL.test(trimmed))
    throw badRequest('INVALID_PARAMETER', `'${name}' holds control characters (such as line breaks). Remove them.`)
  return trimmed
}

/**
 * The edits a request asks for: only the fields it sends, each validated (a
 * bad value is a 400 naming the field). Unknown parameters are ignored.
 */
export function parseProfileEdits(params: Params): Partial<ProfileFields> {
  const edits: Partial<ProfileFields> = {}
  for (const name of ['firstName', 'lastName'] as const)
    if (params[name] !== undefined) edits[name] = text(name, params[name], MAX_NAME)
  if (params.fullName !== undefined) edits.fullName = text('fullName', params.fullName, MAX_FULL_NAME)
  if (params.email !== undefined) {
    const email = text('email', params.email, MAX_EMAIL)
    if (!EMAIL.test(email)) throw badRequest('INVALID_EMAIL', `'${email}' is not an email address. Use the form name@example.com.`)
    edits.email = email
  }
  if (params.description !== undefined) edits.description = text('description', params.description, MAX_DESCRIPTION, false)
  if (params.culture !== undefined) {
    const culture = text('culture', params.culture, 16)
    if (culture && !CULTURE.test(culture))
      throw badRequest('INVALID_PARAMETER', `'culture' must be a language code such as en or en-US; '${culture}' is not.`)
    edits.culture = culture
  }
  if (params.region !== undefined) {
    const region = text('region', params.region, 2)
    if (region && !REGION.test(region)) throw badRequest('INVALID_PARAMETER', `'region' must be a two-letter country code such as US.`)
    edits.region = region.toUpperCase()
  }
  if (params.units !== undefined) {
    const units = params.units.trim().toLowerCase()
    if (!UNITS.includes(units)) throw badRequest('INVALID_PARAMETER', `'units' must be english or metric.`)
    edits.units = units
  }
  if (params.tags !== undefined) edits.tags = parseTags(params.tags)
  return edits
}

function parseTags(value: string): string[] {
  const tags = [...new Set(parseList(value).map((t) => text('tags', t, MAX_TAG)))]
  if (tags.length > MAX_TAGS) throw badRequest('INVALID_PARAMETER', `At most ${MAX_TAGS} tags are allowed; ${tags.length} were sent.`)
  return tags
}

/**
 * The profile after the edits. As in ArcGIS, the full name follows the first
 * and last names when those change and no full name is sent.
 */
export function applyProfileEdits(current: ProfileFields, edits: Partial<ProfileFields>): ProfileFields {
  const next = { ...current, ...edits }
  if (edits.fullName === undefined && (edits.firstName !== undefined || edits.lastName !== undefined))
    next.fullName = [next.firstName, next.lastName].filter(Boolean).join(' ')
  return next
}

/** The fields whose values differ, before and after (for the audit record). */
export function profileDiff(before: ProfileFields, after: ProfileFields) {
  const changed = (Object.keys(after) as (keyof ProfileFields)[]).filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  )
  return {
    before: Object.fromEntries(changed.map((k) => [k, before[k]])),
    after: Object.fromEntries(changed.map((k) => [k, after[k]])),
  }
}
