/** Display formatting in the browser's locale. Pure functions of their inputs (and `now`). */

const numberFormat = new Intl.NumberFormat()
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' })

export function formatNumber(value: number): string {
  return numberFormat.format(value)
}

export function formatDate(epochMs: number): string {
  return dateFormat.format(epochMs)
}

export function formatDateTime(epochMs: number): string {
  return dateTimeFormat.format(epochMs)
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
    if (Math.abs(diff) >= size) return relativeFormat.format(Math.round(diff / size), unit)
  }
  return relativeFormat.format(0, 'minute')
}

/** "1–25 of 2,431" (en dash), or "0 of 0" for an empty list. */
export function formatRange(start: number, count: number, total: number): string {
  if (!count) return `0 of ${formatNumber(total)}`
  return `${formatNumber(start)}–${formatNumber(start + count - 1)} of ${formatNumber(total)}`
}
