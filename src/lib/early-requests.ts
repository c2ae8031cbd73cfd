/**
 * Portal reads started before the app has rendered (src/app/early-data.ts),
 * handed to the first `portalRequest` that asks for exactly the same thing:
 * same URL, same parameters, same token. Each answer is used once, and only
 * while fresh; a failed or refused one is dropped and the request is made as
 * usual, so this can only make the first screen faster, never change it.
 */

import { readQuery } from '../first-screen/first-screen-reads.ts'
import type { ConsoleConfig } from './config.ts'

const FRESH_MS = 10_000

interface EarlyResponse {
  answer: Promise<unknown>
  at: number
}

const pending = new Map<string, EarlyResponse>()

/** One key per request: URL, token, and the parameters sorted, with f and empty values left out. */
export function requestKey(url: string, params: Record<string, unknown>, token: string | undefined): string {
  const entries = Object.entries(params)
    .filter(([name, value]) => name !== 'f' && value !== undefined && value !== null)
    .map(([name, value]) => [name, Array.isArray(value) ? value.join(',') : String(value)])
    .sort(([a], [b]) => (a! < b! ? -1 : a! > b! ? 1 : 0))
  return `${url}?${new URLSearchParams(entries).toString()}#${token ?? ''}`
}

/** A GET as REST JS sends it; resolves undefined for an error envelope or a failure. */
export function fetchEarly(url: string, params: Record<string, unknown>, token: string): Promise<unknown> {
  return fetch(`${url}?${readQuery(params, token)}`)
    .then((response) => (response.ok ? response.json() : undefined))
    .then((body) => (body && typeof body === 'object' && !('error' in body) ? body : undefined))
    .catch(() => undefined)
}

/** Keeps an answer (one on its way, from wherever) for the app's first request for exactly this. */
export function offerEarlyResponse(url: string, params: Record<string, unknown>, token: string, answer: Promise<unknown>): Promise<unknown> {
  pending.set(requestKey(url, params, token), { answer, at: Date.now() })
  return answer
}

/** The early answer to this request, if one was started; resolves undefined when it failed. */
export function takeEarlyResponse(url: string, params: Record<string, unknown>, token: string | undefined): Promise<unknown> | undefined {
  if (pending.size === 0 || !token) return undefined
  const key = requestKey(url, params, token)
  const early = pending.get(key)
  if (!early) return undefined
  pending.delete(key)
  return Date.now() - early.at <= FRESH_MS ? early.answer : undefined
}

let earlyConfig: Promise<ConsoleConfig> | undefined

export function setEarlyConfig(config: Promise<ConsoleConfig>): void {
  earlyConfig = config
}

/** The config.json load started early, once. */
export function takeEarlyConfig(): Promise<ConsoleConfig> | undefined {
  const config = earlyConfig
  earlyConfig = undefined
  return config
}

/** The first page of the list, started early for the URL's view: its parameters, the token it used, its answer. */
export interface EarlyList {
  portalUrl: string
  params: Record<string, unknown>
  token: string
  answer: Promise<unknown>
}

let earlyList: EarlyList | undefined

export function setEarlyList(list: EarlyList): void {
  earlyList = list
}

export function takeEarlyList(): EarlyList | undefined {
  const list = earlyList
  earlyList = undefined
  return list
}
