import { describe, expect, it } from 'vitest'
import { formatDate, formatNumber, formatRelative, withDisplayLocale } from './format.ts'

describe('withDisplayLocale (the portal server draws the first screen in the browser’s locale and time zone)', () => {
  // 2026-03-01 23:30 UTC: already 2 March in Tokyo.
  const lateEvening = Date.UTC(2026, 2, 1, 23, 30)

  it('formats numbers and dates in the given locale and time zone while it runs', () => {
    const drawn = withDisplayLocale({ locale: 'de-DE', timeZone: 'Asia/Tokyo' }, () => [formatNumber(100000), formatDate(lateEvening), formatRelative(0, 86_400_000 * 3)])
    expect(drawn).toEqual(['100.000', '02.03.2026', 'vor 3 Tagen'])
  })

  it('formats as before afterwards, even after a failed render', () => {
    const before = [formatNumber(100000), formatDate(lateEvening)]
    expect(() =>
      withDisplayLocale({ locale: 'de-DE', timeZone: 'Asia/Tokyo' }, () => {
        throw new Error('render failed')
      }),
    ).toThrow('render failed')
    expect([formatNumber(100000), formatDate(lateEvening)]).toEqual(before)
    expect(before[0]).toBe(new Intl.NumberFormat().format(100000))
  })

  it('keeps each locale and time zone apart when drawing many in turn (formatters are cached per pair)', () => {
    const displays = [
      { locale: 'de-DE', timeZone: 'Asia/Tokyo' },
      { locale: 'de-DE', timeZone: 'UTC' },
      { locale: 'en-US', timeZone: 'Asia/Tokyo' },
      { locale: 'en-US' },
    ]
    const drawnTwice = [0, 1].map(() => displays.map((display) => withDisplayLocale(display, () => formatDate(lateEvening))))
    const expected = displays.map((display) => new Intl.DateTimeFormat(display.locale, { dateStyle: 'medium', timeZone: display.timeZone }).format(lateEvening))
    expect(drawnTwice).toEqual([expected, expected])
    expect(new Set(expected.slice(0, 3)).size).toBe(3)
  })
})
