/**
 * Where and when the console shows numbers and dates: a locale and a time
 * zone (undefined: the runtime's own). Free of imports: the first screen's
 * loader sends them to the portal server, which draws the first screen in
 * them (src/first-screen/), so no text changes when the app takes over.
 */
export interface DisplayLocale {
  locale?: string
  timeZone?: string
}

/** The browser's locale and time zone: what the app's formatters use (src/lib/format.ts). */
export function browserDisplayLocale(): Required<DisplayLocale> {
  const { locale, timeZone } = Intl.DateTimeFormat().resolvedOptions()
  return { locale, timeZone }
}
