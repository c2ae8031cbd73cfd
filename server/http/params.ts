import type { Context } from 'hono'
import { badRequest } from './errors.ts'

export type Params = Record<string, string>

/**
 * Every parameter of a request, from the query string and, for POST, the
 * form-encoded or multipart body (body wins). Files in multipart are ignored.
 * A parameter given twice in one place is refused rather than guessed at
 * (`users=a&users=b` would otherwise act on b alone); so is a NUL character,
 * which no name or value holds and PostgreSQL cannot store.
 */
export async function readParams(c: Context): Promise<Params> {
  const params: Params = Object.create(null)
  const url = new URL(c.req.url)
  checkText(decodeURIComponentSafe(url.pathname))
  Object.assign(params, collect(url.searchParams))
  if (c.req.method === 'POST') {
    const type = c.req.header('content-type') ?? ''
    if (type.includes('application/x-www-form-urlencoded') || type.includes('multipart/form-data')) {
      let body: Record<string, string | File | (string | File)[]>
      try {
        body = await c.req.parseBody({ all: true })
      } catch {
        throw badRequest('INVALID_BODY', 'The request body could not be read as a form. Send it as application/x-www-form-urlencoded or multipart/form-data.')
      }
      const fields: [string, string][] = []
      for (const [key, value] of Object.entries(body)) {
        for (const one of Array.isArray(value) ? value : [value]) if (typeof one === 'string') fields.push([key, one])
      }
      Object.assign(params, collect(fields))
    }
  }
  return params
}

function collect(pairs: Iterable<[string, string]>): Params {
  const found: Params = Object.create(null)
  for (const [key, value] of pairs) {
    checkText(key)
    checkText(value)
    if (key in found && found[key] !== value)
      throw badRequest('INVALID_PARAMETER', `'${key}' was given more than once. Send it once; lists go comma-separated or as a JSON array.`)
    found[key] = value
  }
  return found
}

function checkText(text: string): void {
  if (text.includes('\u0000')) throw badRequest('INVALID_PARAMETER', 'The request holds a NUL character, which no name or value may contain.')
}

function decodeURIComponentSafe(path: string): string {
  try {
    return decodeURIComponent(path)
  } catch {
    throw badRequest('INVALID_ENCODING', 'The URL holds a malformed percent-encoding: each % must start a valid UTF-8 escape such as %C3%A9.')
  }
}

/** Lists arrive comma-joined (REST JS) or as a JSON array string (ArcGIS API for Python). */
export function parseList(value: string | undefined): string[] {
  if (value === undefined) return []
  const text = value.trim()
  if (text.startsWith('[')) {
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      throw badRequest('INVALID_LIST', 'The list is not valid JSON. Send names comma-separated or as a JSON array of strings.')
    }
    if (!Array.isArray(parsed) || parsed.some((v) => typeof v !== 'string'))
      throw badRequest('INVALID_LIST', 'The list must be a JSON array of strings.')
    return (parsed as string[]).map((v) => v.trim()).filter(Boolean)
  }
  return text
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean)
}

export function parseBool(value: string | undefined, fallback = false): boolean {
  if (value === undefined || value === '') return fallback
  return value.toLowerCase() === 'true'
}

/** A whole number within [min, max], or the fallback when absent; a bad value is a 400. */
export function parseIntParam(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback
  const n = Number(value)
  if (!Number.isInteger(n)) throw badRequest('INVALID_PARAMETER', `'${name}' must be a whole number.`)
  if (n < min) throw badRequest('INVALID_PARAMETER', `'${name}' must be at least ${min}.`)
  return Math.min(n, max)
}

export function requireParam(params: Params, name: string): string {
  const value = params[name]?.trim()
  if (!value) throw badRequest('MISSING_PARAMETER', `'${name}' is required.`)
  return value
}
