import type { DisplayLocale } from './display-locale.ts'

/**
 * Display formatting in the browser's locale and time zone (on the portal
 * server, the browser's too: withDisplayLocale). Functions of their inputs,
 * `now` and those two.
 */

function formatsFor({ locale, timeZone }: DisplayLocale) {
  return {
    number: new Intl.NumberFormat(locale),
    date: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }),
    dateTime: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }),
    relative: new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }),
  }
}

/**
 * The portal server draws every first screen in its caller's locale and time
 * zone; building the four formatters each time was ~0.5 ms of a ~27 ms
 * render. Few pairs occur, but they come from requests, so the cache is
 * bounded: past its size it starts again.
 */
const cachedFormats = new Map<string, ReturnType<typeof formatsFor>>()
const MAX_CACHED_FORMATS = 32

function cachedFormatsFor(display: DisplayLocale) {
  const key = `${display.locale ?? ''}|${display.timeZone ?? ''}`
  let found = cachedFormats.get(key)
  if (!found) {
    if (cachedFormats.size >= MAX_CACHED_FORMATS) cachedFormats.clear()
    found = formatsFor(display)
    cachedFormats.set(key, found)
  }
  return found
}

let formats = formatsFor({})

/**
 * Formats in `display` while `render` runs, then as before. For the portal
 * server, which draws the first screen in the browser's locale and time zone:
 * its render is synchronous, so no other formatting happens meanwhile.
 */
export function withDisplayLocale<T>(display: DisplayLocale, render: () => T): T {
  const saved = formats
  formats = cachedFormatsFor(display)
  try {
    return render()
  } finally {
    formats = saved
  }
}

export function formatNumber(value: number): string {
  return formats.number.format(value)
}

export function formatDate(epochMs: number): string {
  return formats.date.format(epochMs)
}

export function formatDateTime(epochMs: number): string {
  return formats.dateTime.format(epochMs)
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
]

/** "3 days ago", "last month", "now": the largest unit that fits. */
export function formatRelative(epochMs: number, now = Date.now()): string {
  const diff = epochMs - now
  for (const [unit, size] of UNITS) {
    if (Math.abs(diff) >= size) return formats.relative.format(Math.round(diff / size), unit)
  }
  return formats.relative.format(0, 'minute')
}

/** "1–25 of 2,431" (en dash), or "0 of 0" for an empty list. */
export function formatRange(start: number, count: number, total: number): string {
  if (!count) return `0 of ${formatNumber(total)}`
  return `${formatNumber(start)}–${formatNumber(start + count - 1)} of ${formatNumber(total)}`
}
